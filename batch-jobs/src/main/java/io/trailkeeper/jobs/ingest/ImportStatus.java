package io.trailkeeper.jobs.ingest;

import java.time.Instant;

/**
 * Where one import stands and what it has done so far.
 *
 * @param format     the source's kind: JSONL_FILE (agent-action lines) or OTLP_JSON
 * @param read       records read so far: lines, or spans for OTLP
 * @param status     the Jakarta Batch status name (STARTING, STARTED, COMPLETED, FAILED, STOPPED, ...), or
 *                   INTERRUPTED when its server or application stopped under it (the next start continues it)
 * @param stored     new audit events stored
 * @param duplicates events the trail already had
 * @param quarantined records set aside with a reason
 * @param restartedFrom     the execution this one restarted from its checkpoint, or null for the first run
 * @param latestExecutionId the newest execution of the same import (this one unless it was restarted);
 *                          follow it to see where an interrupted import stands now
 */
public record ImportStatus(long executionId, String status, String source, String format, String fileName,
                           Instant startedAt, Instant endedAt,
                           long read, long stored, long duplicates, long quarantined,
                           Long restartedFrom, long latestExecutionId) {

    /** Status of an execution the batch runtime refuses to show to this deployment (it was started by an earlier one). */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    public static ImportStatus unavailable(long executionId) {
        return new ImportStatus(executionId, UNAVAILABLE, null, null, null, null, null, 0, 0, 0, 0, null, executionId);
    }

    public boolean finished() {
        return switch (status) {
            case "COMPLETED", "FAILED", "STOPPED", "ABANDONED", "INTERRUPTED" -> true;
            default -> false;
        };
    }
}
