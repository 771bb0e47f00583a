package io.trailkeeper.retention.entity;

import java.util.UUID;

/**
 * Expired events a policy would delete that something keeps: a legal floor, a legal hold, or an open
 * data-subject request. An event held for several reasons is counted under each.
 */
public record HeldBack(Kind kind, String name, String detail, UUID holdId, long events) {

    /** What holds the events back. */
    public enum Kind { LEGAL_FLOOR, LEGAL_HOLD, SUBJECT_REQUEST }
}
