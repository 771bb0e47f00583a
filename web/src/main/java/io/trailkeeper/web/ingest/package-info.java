/**
 * Web side of ingest: officers upload agent-action trails (REST and dashboard) and follow each
 * import's progress: records read, events stored, duplicates skipped, records quarantined; and they
 * inspect and re-process quarantined records (REST and the quarantine page; auditors read only).
 */
package io.trailkeeper.web.ingest;
