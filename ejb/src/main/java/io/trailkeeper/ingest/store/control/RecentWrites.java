package io.trailkeeper.ingest.store.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The last chunks one run committed to its source: each chunk's number in the source's count of
 * writes and the event ids it stored. A lookup of stored ids made ahead of a chunk saw the source as
 * of some count; when the chunk comes to store, the lookup is still exact if every write since then
 * is one of these (their ids are then the only ones it could not see), and must be repeated if any
 * other run wrote to the source in between. Bounded: only the last {@link #KEPT} chunks are kept,
 * about as far as a reader decodes ahead. Thread-safe.
 */
public final class RecentWrites {

    static final int KEPT = 8;

    private record Write(long number, Set<String> storedIds) {
    }

    private final Deque<Write> writes = new ArrayDeque<>();

    /** Records a chunk of this run once it has committed as the source's write number {@code number}. */
    public synchronized void committed(long number, Set<String> storedIds) {
        writes.addLast(new Write(number, Set.copyOf(storedIds)));
        while (writes.size() > KEPT) {
            writes.removeFirst();
        }
    }

    /**
     * The ids stored since a lookup that saw {@code seenWrites} writes, if all of the writes up to
     * {@code writesNow} were this run's; empty when another run wrote in between (or the count is not
     * one this run can account for), in which case the lookup must not be relied on.
     */
    public synchronized Optional<Set<String>> storedSince(long seenWrites, long writesNow) {
        if (seenWrites == writesNow) {
            return Optional.of(Set.of());
        }
        if (seenWrites > writesNow || writesNow - seenWrites > KEPT) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        for (long number = seenWrites + 1; number <= writesNow; number++) {
            Write own = find(number);
            if (own == null) {
                return Optional.empty();
            }
            ids.addAll(own.storedIds());
        }
        return Optional.of(ids);
    }

    private Write find(long number) {
        for (Write write : writes) {
            if (write.number() == number) {
                return write;
            }
        }
        return null;
    }
}
