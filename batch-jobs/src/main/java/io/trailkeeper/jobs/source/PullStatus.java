package io.trailkeeper.jobs.source;

import io.trailkeeper.source.entity.PullTrigger;
import java.time.Instant;

/**
 * One pull of a source as it stands: why and when it started, and what its job execution has done.
 *
 * @param status the Jakarta Batch status name (STARTING, STARTED, COMPLETED, FAILED, ...), or UNKNOWN
 *               when the batch runtime no longer knows the execution
 */
public record PullStatus(long executionId, PullTrigger trigger, String fileName, String requestedBy, Instant startedAt,
                         String status, Instant endedAt, long read, long stored, long duplicates, long quarantined) {

    public boolean running() {
        return switch (status) {
            case "STARTING", "STARTED", "STOPPING" -> true;
            default -> false;
        };
    }
}
