package io.trailkeeper.jobs.source;

import io.trailkeeper.source.entity.PullTrigger;
import java.time.Instant;

/**
 * One pull of a source as it stands: why and when it started, and what its job execution has done.
 *
 * @param status the Jakarta Batch status name (STARTING, STARTED, COMPLETED, FAILED, ...), or UNKNOWN
 *               when the batch runtime no longer knows the execution
 * @param failure why a failed pull failed, as its job says it (never a credential or content), or null
 */
public record PullStatus(long executionId, PullTrigger trigger, String fileName, String requestedBy, Instant startedAt,
                         String status, Instant endedAt, long read, long stored, long duplicates, long quarantined,
                         String failure) {

    public boolean running() {
        return switch (status) {
            case "STARTING", "STARTED", "STOPPING" -> true;
            default -> false;
        };
    }
}
