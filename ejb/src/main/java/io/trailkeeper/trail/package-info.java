/**
 * The audit trail: the normalized, append-only record of what AI agents did, and the sources it came
 * from. Every other component reads it (reports, residency, data-subject requests) or adds to it
 * (ingest); nothing here changes or deletes an event once stored.
 */
package io.trailkeeper.trail;
