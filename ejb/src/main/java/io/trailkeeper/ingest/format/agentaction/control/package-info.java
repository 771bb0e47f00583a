/**
 * The agent-action log format: one JSON object per line, one audit event per line
 * ({@link io.trailkeeper.ingest.format.agentaction.control.AgentActionLogFormat}), with its error
 * and latency fields, and the id derived from a line that names none
 * ({@link io.trailkeeper.ingest.format.agentaction.control.LineDigest}: keyed HMAC-SHA256, or the
 * unkeyed {@code sha256:} scheme of sources that held it before V16).
 */
package io.trailkeeper.ingest.format.agentaction.control;
