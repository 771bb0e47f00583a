package io.trailkeeper.ingest.entity;

import java.io.Serializable;

/**
 * What storing a batch of records did. Serializable because a batch step keeps the running total in
 * its checkpoint, so a restarted import reports the same figures as an uninterrupted one.
 *
 * @param duplicates events the trail already had (same source, same source event id)
 */
public record StoreOutcome(long read, long stored, long duplicates, long quarantined) implements Serializable {

    public static final StoreOutcome NONE = new StoreOutcome(0, 0, 0, 0);

    public StoreOutcome plus(StoreOutcome other) {
        return new StoreOutcome(read + other.read, stored + other.stored,
                duplicates + other.duplicates, quarantined + other.quarantined);
    }
}
