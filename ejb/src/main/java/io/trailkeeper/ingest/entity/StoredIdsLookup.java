package io.trailkeeper.ingest.entity;

import java.util.Set;

/**
 * Which of a batch of event ids a source already held, looked up ahead of the chunk that will store
 * them, and as of which of the source's writes: {@code sourceWrites} counts the chunks ever stored
 * for the source, read in the same statement (so the same snapshot) as the ids. The chunk may rely
 * on it only if every write since was its own run's (see {@code RecentWrites}).
 */
public record StoredIdsLookup(long sourceWrites, Set<String> storedIds) {

    public StoredIdsLookup {
        storedIds = Set.copyOf(storedIds);
    }
}
