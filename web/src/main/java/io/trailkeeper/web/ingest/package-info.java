/**
 * Web side of ingest: officers upload agent-action trails (REST and dashboard) and follow each
 * import's progress: records read, events stored, duplicates skipped, records quarantined.
 */
package io.trailkeeper.web.ingest;
