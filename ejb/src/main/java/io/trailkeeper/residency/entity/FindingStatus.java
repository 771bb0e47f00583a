package io.trailkeeper.residency.entity;

/** Where a finding stands: open, accepted by an officer with a reason until an expiry, or resolved. */
public enum FindingStatus {
    OPEN, ACCEPTED, RESOLVED
}
