/**
 * Langfuse's observations: how one observation of the v2 observations API becomes an audit event
 * ({@link io.trailkeeper.ingest.format.langfuse.control.LangfuseObservationFormat}: observation id,
 * trace name as agent, type as action, level and status message, usage summed into tokens, the rest
 * as content). Fetching the pages (client, credentials, probe) still lives in {@code batch-jobs} and
 * {@code source}; issue 12 brings it here.
 */
package io.trailkeeper.ingest.format.langfuse.control;
