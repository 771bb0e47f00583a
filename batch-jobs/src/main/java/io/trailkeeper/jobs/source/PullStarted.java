package io.trailkeeper.jobs.source;

import java.time.Instant;
import java.util.List;

/**
 * What "pull now" (or the schedule) set going.
 *
 * @param started       one job execution per new or changed file, or the one Langfuse execution
 * @param alreadyImported files of the watched directory imported before, as they are now
 * @param settling      files changed in the last seconds, left for the next pull
 * @param deferred      files beyond the per-pull limit, left for the next pull
 * @param unreadable    files that could not be read (named in the server log by path only)
 * @param fromStartTime for Langfuse: observations from this time on are asked for (null: from the beginning)
 * @param resumedFrom   for Langfuse: the interrupted pull this one continues from its checkpoint, or null for a new pull
 */
public record PullStarted(List<Execution> started, int alreadyImported, int settling, int deferred, int unreadable,
                          Instant fromStartTime, Long resumedFrom) {

    public record Execution(long executionId, String fileName) {
    }
}
