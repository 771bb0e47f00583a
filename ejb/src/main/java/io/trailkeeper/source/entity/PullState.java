package io.trailkeeper.source.entity;

/**
 * Where a run stands: the batch runtime's words (Jakarta Batch {@code BatchStatus} names), and
 * {@link #INTERRUPTED} for a run its server or application stopped under it, which the next start of
 * the application continues.
 */
public enum PullState {
    STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED, INTERRUPTED;

    /** @return the state named, STARTING for null (a row written before its job was handed over) */
    public static PullState of(String name) {
        return name == null ? STARTING : valueOf(name);
    }

    public boolean finished() {
        return this == STOPPED || this == FAILED || this == COMPLETED || this == ABANDONED || this == INTERRUPTED;
    }

    /** A run that ended before its end: it can go on from its checkpoint. */
    public boolean resumable() {
        return this == STOPPED || this == FAILED || this == INTERRUPTED;
    }
}
