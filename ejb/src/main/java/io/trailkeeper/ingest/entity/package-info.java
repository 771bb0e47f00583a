/**
 * The types ingest deals in: the verdict on one source record
 * ({@link io.trailkeeper.ingest.entity.ParsedRecord}, an accepted
 * {@link io.trailkeeper.trail.entity.AuditEventDraft} or a reason for turning the record away),
 * where in a source a record was found, what storing a batch did, and the quarantine kept for
 * records that could not become events. The value types are immutable records that only guard
 * their own invariants, so they travel freely between the batch jobs that read sources, the
 * services that store events and the screens that show rejections. Two are persistent: the
 * quarantine, because what a source delivered must never be silently lost, and the checkpoint of
 * each import run, because where a run stands must commit with the events it read.
 */
package io.trailkeeper.ingest.entity;
