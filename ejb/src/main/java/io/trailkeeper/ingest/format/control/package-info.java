/**
 * Ingest formats, the choice: which format reads the records of which kind of source
 * ({@link io.trailkeeper.ingest.format.control.LineFormat}), for imports, pulls and quarantine
 * re-processing alike. Each format lives in its own sub-package ({@code agentaction}, {@code otlp},
 * {@code langfuse}) and is a stateless, thread-safe reader that maps the format's field names and
 * value shapes onto {@link io.trailkeeper.trail.entity.AuditEventDraft}, keeps whatever it does not
 * map as content so that no evidence is dropped, and rejects what it cannot trust with a reason an
 * officer can act on. Nothing under {@code ingest.format} touches storage or files; the batch jobs
 * feed it bytes and decide what to do with the verdicts.
 */
package io.trailkeeper.ingest.format.control;
