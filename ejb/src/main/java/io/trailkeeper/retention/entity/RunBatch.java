package io.trailkeeper.retention.entity;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** The next events a run deletes, all of one policy, oldest first; {@code last} is the position after them. */
public record RunBatch(UUID policyId, List<UUID> eventIds, EventPosition last) implements Serializable {

    public RunBatch {
        eventIds = List.copyOf(eventIds);
    }
}
