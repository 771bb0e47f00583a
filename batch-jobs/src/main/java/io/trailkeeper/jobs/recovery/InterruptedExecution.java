package io.trailkeeper.jobs.recovery;

/** A job execution that was running when the server died, now marked FAILED so it can be restarted. */
public record InterruptedExecution(long executionId, String jobName) {
}
