package io.trailkeeper.source.entity;

import java.util.Objects;
import java.util.UUID;

/**
 * A run about to be handed to the batch runtime.
 *
 * @param runId         names the run across its executions (its checkpoint's key)
 * @param jobParameters the parameters it runs with, as text; a later execution of the run reuses them
 * @param resumedFrom   the execution of the same run this one continues, or null for a first run
 */
public record NewPull(UUID sourceId, String jobName, UUID runId, PullTrigger trigger, String fileName, String requestedBy,
                      String jobParameters, Long resumedFrom) {

    public NewPull {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(jobParameters, "jobParameters");
    }
}
