package io.trailkeeper.ingest.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentWritesTest {

    private final RecentWrites recent = new RecentWrites();

    @Test
    void aLookupMadeAfterTheLastWriteSawEverything() {
        assertEquals(Optional.of(Set.of()), recent.storedSince(41, 41));
    }

    @Test
    void writesOfThisRunSinceTheLookupAreAddedToWhatItSaw() {
        recent.committed(42, Set.of("e-1", "e-2"));
        recent.committed(43, Set.of("e-3"));

        assertEquals(Optional.of(Set.of("e-1", "e-2", "e-3")), recent.storedSince(41, 43));
        assertEquals(Optional.of(Set.of("e-3")), recent.storedSince(42, 43));
    }

    @Test
    void aWriteOfAnotherRunInBetweenMakesTheLookupUnreliable() {
        recent.committed(42, Set.of("e-1"));
        // 43 was another upload to the same source
        recent.committed(44, Set.of("e-2"));

        assertTrue(recent.storedSince(41, 44).isEmpty());
        assertEquals(Optional.of(Set.of("e-2")), recent.storedSince(43, 44), "a lookup after the other run's write is fine");
    }

    @Test
    void aCountThatWentBackIsNotTrusted() {
        recent.committed(42, Set.of("e-1"));

        assertTrue(recent.storedSince(42, 40).isEmpty(), "e.g. a database restored from a backup");
    }

    @Test
    void onlyTheLastChunksAreKept() {
        for (long number = 1; number <= 20; number++) {
            recent.committed(number, Set.of("e-" + number));
        }

        assertTrue(recent.storedSince(10, 20).isEmpty(), "ten writes ago: further back than kept");
        assertEquals(Optional.of(Set.of("e-19", "e-20")), recent.storedSince(18, 20));
    }
}
