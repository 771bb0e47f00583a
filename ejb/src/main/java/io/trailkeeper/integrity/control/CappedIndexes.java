package io.trailkeeper.integrity.control;

import java.util.List;

/**
 * How many leaf indexes a finding concerns, and the first of them in ascending order, at most a fixed
 * number: a badly damaged log of millions of rows must still give a report that fits in memory.
 */
public record CappedIndexes(long count, List<Long> first) {

    public CappedIndexes {
        first = List.copyOf(first);
        if (count < first.size()) {
            throw new IllegalArgumentException("count " + count + " is below the " + first.size() + " indexes listed");
        }
    }

    public static CappedIndexes none() {
        return new CappedIndexes(0, List.of());
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Whether more indexes were found than listed. */
    public boolean truncated() {
        return count > first.size();
    }
}
