/**
 * The audit trail: the normalized, append-only record of what AI agents did, and the sources it came
 * from. Every other component reads it (reports, residency, data-subject requests) or adds to it
 * (ingest). Nothing changes an event once stored; an event leaves the trail only through
 * {@link io.trailkeeper.trail.boundary.EventDeletion}, on a ground (retention, GDPR Art. 5(1)(e); erasure,
 * GDPR Art. 17) that the tamper-evident log records with the deletion.
 */
package io.trailkeeper.trail;
