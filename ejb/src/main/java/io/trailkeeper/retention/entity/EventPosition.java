package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Where a deletion run stands within a policy's events, in their order (occurred_at, id). */
public record EventPosition(Instant occurredAt, UUID eventId) implements java.io.Serializable {

    public EventPosition {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
    }
}
