package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReadAheadTest {

    private static final ThreadFactory THREADS = Thread::new;
    private static final Function<RawLine, String> TEXT = line -> new String(line.bytes(), StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path file(int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append("line ").append(i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        return Files.writeString(dir.resolve("trail.jsonl"), text);
    }

    @Test
    void hands_out_every_line_in_order_with_the_position_a_plain_cursor_would_checkpoint() throws IOException {
        Path file = file(5000);
        try (JsonLinesCursor plain = JsonLinesCursor.open(file, LinePosition.start(), 1024);
             LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), TEXT, THREADS, 100, 4096)) {
            for (RawLine line = plain.next(); line != null; line = plain.next()) {
                assertEquals(TEXT.apply(line), ahead.next());
                assertEquals(plain.position(), ahead.position(), "checkpoint after line " + line.lineNumber());
            }
            assertNull(ahead.next());
            assertNull(ahead.next());
            assertEquals(plain.position(), ahead.position());
        }
    }

    @Test
    void a_restart_from_its_position_continues_with_the_next_line_although_more_was_read_ahead() throws IOException {
        Path file = file(1000);
        LinePosition committed;
        try (LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), TEXT, THREADS, 500, 1 << 20)) {
            for (int i = 0; i < 300; i++) {
                ahead.next();
            }
            committed = ahead.position();
        }
        try (LineReadAhead again = LineReadAhead.start(JsonLinesCursor.open(file, committed, 1024), TEXT, THREADS, 500, 1 << 20)) {
            assertEquals("line 301", again.next());
        }
    }

    @Test
    void reads_ahead_up_to_its_line_limit_and_no_further() throws Exception {
        Path file = file(10_000);
        AtomicInteger decoded = new AtomicInteger();
        Thread[] reader = new Thread[1];
        try (LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024),
                line -> decoded.incrementAndGet(), recording(reader), 50, 1 << 20)) {
            ahead.next();
            int settled = settledCount(reader[0], decoded);
            // One handed out, 50 waiting, and at most one more decoded that waits for room.
            assertTrue(settled >= 51 && settled <= 52, "decoded " + settled);
        }
    }

    @Test
    void reads_ahead_up_to_its_byte_limit_and_no_further() throws Exception {
        Path file = file(10_000);
        AtomicInteger decoded = new AtomicInteger();
        Thread[] reader = new Thread[1];
        try (LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024),
                line -> decoded.incrementAndGet(), recording(reader), 1000, 70)) {
            ahead.next();
            int settled = settledCount(reader[0], decoded);
            // Lines are 6 to 10 bytes: 70 bytes hold at least 7 and at most 11 of them.
            assertTrue(settled >= 8 && settled <= 13, "decoded " + settled);
        }
    }

    private static ThreadFactory recording(Thread[] created) {
        return runnable -> {
            created[0] = new Thread(runnable);
            return created[0];
        };
    }

    /**
     * Waits, for at most 30 seconds, until the reading thread has stopped for want of room: it is
     * parked and has decoded nothing more since the last look. Read-ahead that ignored its limits
     * would instead run to the end of the file; read-ahead that never started has no thread.
     */
    private static int settledCount(Thread reader, AtomicInteger decoded) throws InterruptedException {
        assertNotNull(reader, "a reading thread was asked for");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int last = -1;
        while (System.nanoTime() < deadline) {
            int now = decoded.get();
            Thread.State state = reader.getState();
            if (state == Thread.State.TERMINATED) {
                return now;
            }
            if (now == last && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)) {
                return now;
            }
            last = now;
            Thread.sleep(20);
        }
        throw new AssertionError("the reading thread never settled; decoded " + decoded.get());
    }

    @Test
    void a_decoding_failure_reaches_the_reader_at_its_line() throws IOException {
        Path file = file(100);
        try (LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), line -> {
            if (line.lineNumber() == 40) {
                throw new IllegalStateException("decoder broke");
            }
            return line.lineNumber();
        }, THREADS, 10, 1 << 20)) {
            List<Object> before = new ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                while (true) {
                    before.add(ahead.next());
                }
            });
            assertEquals("decoder broke", thrown.getMessage());
            assertEquals(39, before.size());
        }
    }

    @Test
    void without_a_thread_each_line_is_read_when_asked_for() throws IOException {
        Path file = file(10);
        ThreadFactory none = runnable -> {
            throw new IllegalStateException("no threads here");
        };
        try (LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), TEXT, none, 5, 100)) {
            for (int i = 1; i <= 10; i++) {
                assertEquals("line " + i, ahead.next());
            }
            assertNull(ahead.next());
        }
    }

    @Test
    void closing_while_it_reads_ahead_stops_the_thread() throws Exception {
        Path file = file(10_000);
        Thread[] started = new Thread[1];
        LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), TEXT, runnable -> {
            started[0] = new Thread(runnable);
            return started[0];
        }, 10, 1 << 20);
        ahead.next();
        ahead.close();
        started[0].join(5_000);
        assertTrue(!started[0].isAlive(), "the read-ahead thread ended");
    }

    @Test
    void a_batch_step_sees_every_line_once_in_order_and_what_it_gives_back_is_handed_out_at_the_same_positions() throws IOException {
        Path file = file(2500);
        List<Integer> batchSizes = new ArrayList<>();
        java.util.function.UnaryOperator<List<Object>> upperCase = items -> {
            batchSizes.add(items.size());
            return items.stream().map(item -> (Object) ((String) item).toUpperCase()).toList();
        };
        try (JsonLinesCursor plain = JsonLinesCursor.open(file, LinePosition.start(), 1024);
             LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), TEXT, upperCase, 1000,
                     THREADS, 8000, 1 << 20)) {
            for (RawLine line = plain.next(); line != null; line = plain.next()) {
                assertEquals(TEXT.apply(line).toUpperCase(), ahead.next());
                assertEquals(plain.position(), ahead.position(), "checkpoint after line " + line.lineNumber());
            }
            assertNull(ahead.next());
        }
        assertEquals(List.of(1000, 1000, 500), batchSizes);
    }

    @Test
    void a_batch_is_handed_out_early_rather_than_waiting_for_bytes_its_own_lines_hold() throws IOException {
        Path file = file(3000); // about 10 bytes a line: 100 bytes allow some ten lines ahead
        try (LineReadAhead ahead = LineReadAhead.start(JsonLinesCursor.open(file, LinePosition.start(), 1024), TEXT,
                items -> items, 1000, THREADS, 8000, 100)) {
            int lines = 0;
            while (ahead.next() != null) {
                lines++;
            }
            assertEquals(3000, lines);
        }
    }
}
