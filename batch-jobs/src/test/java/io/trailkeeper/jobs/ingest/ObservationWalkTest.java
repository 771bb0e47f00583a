package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Following cursors and resuming from a checkpoint, over pages held in memory. */
class ObservationWalkTest {

    final Map<String, ObservationPage> pages = new HashMap<>();
    final List<String> fetched = new ArrayList<>();

    static ObservationPage page(String next, String... ids) {
        List<ObservationEntry> entries = new ArrayList<>();
        for (String id : ids) {
            byte[] bytes = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            entries.add(new ObservationEntry(entries.size(), id, 9 + 20L * entries.size(), bytes, bytes.length));
        }
        return new ObservationPage(entries, next);
    }

    ObservationWalk walk(PullPosition from) {
        return new ObservationWalk(cursor -> {
            fetched.add(cursor);
            return pages.get(cursor == null ? "" : cursor);
        }, from);
    }

    static List<String> ids(ObservationWalk walk, int max) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            PulledObservation next = walk.next();
            if (next == null) {
                break;
            }
            ids.add(next.entry().id());
        }
        return ids;
    }

    @Test
    void aRestartSkipsWhatTheCheckpointCommitted() {
        pages.put("", page("c2", "a", "b", "c"));
        pages.put("c2", page("c3", "d", "e"));
        pages.put("c3", page(null, "f"));

        ObservationWalk first = walk(PullPosition.start());
        assertEquals(List.of("a", "b", "c", "d"), ids(first, 4));
        PullPosition checkpoint = first.position();
        assertEquals(new PullPosition("c2", 1, "d", 2, 3), checkpoint);

        fetched.clear();
        ObservationWalk restarted = walk(checkpoint);
        PulledObservation e = restarted.next();
        assertEquals("e", e.entry().id());
        assertEquals(5, e.number(), "numbering continues across the restart");
        assertEquals(List.of("f"), ids(restarted, 10));
        assertNull(restarted.next());
        assertEquals(Arrays.asList("c2", "c3"), fetched, "the page being consumed is fetched again, earlier ones are not");
    }

    @Test
    void aPageThatChangedSinceTheCheckpointIsReadWhole() {
        pages.put("c2", page(null, "late", "d", "e"));
        ObservationWalk restarted = walk(new PullPosition("c2", 1, "d", 2, 3));
        assertEquals(List.of("late", "d", "e"), ids(restarted, 10), "the repeats are absorbed by the trail's unique key");
    }

    @Test
    void aCheckpointAtTheEndOfAPageMovesOn() {
        pages.put("", page("c2", "a", "b"));
        pages.put("c2", page(null, "c"));
        ObservationWalk restarted = walk(new PullPosition(null, 2, "b", 1, 0));
        assertEquals(List.of("c"), ids(restarted, 10));
        assertEquals(new PullPosition("c2", 1, "c", 2, 2), restarted.position());
    }

    @Test
    void emptyPagesWithACursorAreFollowed() {
        pages.put("", page("c2"));
        pages.put("c2", page(null, "a"));
        assertEquals(List.of("a"), ids(walk(PullPosition.start()), 10));
    }

    @Test
    void aCursorThatPointsAtItsOwnPageStopsThePull() {
        pages.put("c2", page("c2", "a"));
        ObservationWalk walk = walk(new PullPosition("c2", 0, null, 2, 5));
        walk.next();
        assertThrows(PullFailed.class, walk::next);
    }
}
