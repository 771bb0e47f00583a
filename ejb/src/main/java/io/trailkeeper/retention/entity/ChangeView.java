package io.trailkeeper.retention.entity;

import java.time.Instant;

/** One recorded change: what, which version, who, when, old value, new value and why. */
public record ChangeView(RetentionChange.Kind kind, String subjectId, int version, Instant changedAt, String changedBy,
                         String oldValue, String newValue, String reason) {

    public static ChangeView of(RetentionChange c) {
        return new ChangeView(c.kind(), c.subjectId(), c.version(), c.changedAt(), c.changedBy(), c.oldValue(), c.newValue(),
                c.reason());
    }
}
