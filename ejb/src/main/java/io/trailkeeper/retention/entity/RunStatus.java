package io.trailkeeper.retention.entity;

/** Where a retention run stands. */
public enum RunStatus {
    /** Recorded, its job not yet begun. */
    REQUESTED,
    STARTED,
    COMPLETED,
    FAILED,
    STOPPED,
    /** Its server or application stopped while it ran; the next start continues it. */
    INTERRUPTED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
