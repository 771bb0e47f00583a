/**
 * Ingest: turning records from a source, such as one line of an agent's JSON-lines audit log,
 * into normalized audit events. Each source format has one stateless, thread-safe reader that maps
 * the format's field names and value shapes onto {@link io.trailkeeper.trail.entity.AuditEventDraft},
 * keeps whatever it does not map as content so that no evidence is dropped, and rejects what it
 * cannot trust with a reason an officer can act on. Nothing here touches storage or files; the
 * batch jobs feed it bytes and decide what to do with the verdicts.
 */
package io.trailkeeper.ingest.control;
