/**
 * The retention deletion job {@code retention-run} (row path): deletes, as of a run's reference
 * instant, what the dry run shows would go, batch by batch through {@code EventDeletion}, with the
 * run's position and counts committed in each chunk (component {@code io.trailkeeper.retention}).
 */
package io.trailkeeper.jobs.retention;
