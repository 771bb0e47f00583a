package io.trailkeeper.ingest.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ChunkSlicesTest {

    @Test
    void every_index_is_worked_on_exactly_once() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicIntegerArray calls = new AtomicIntegerArray(1000);
            ChunkSlices.run(pool, 1000, 4, calls::incrementAndGet);
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, calls.get(i), "index " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_pool_that_never_runs_anything_does_not_stop_the_chunk() {
        AtomicIntegerArray calls = new AtomicIntegerArray(500);
        ChunkSlices.run(task -> { /* queued forever, like a pool whose threads all wait */ }, 500, 4, calls::incrementAndGet);
        for (int i = 0; i < 500; i++) {
            assertEquals(1, calls.get(i));
        }
    }

    @Test
    void a_refusing_pool_leaves_the_work_to_the_caller() {
        AtomicIntegerArray calls = new AtomicIntegerArray(500);
        ChunkSlices.run(task -> { throw new RejectedExecutionException("full"); }, 500, 4, calls::incrementAndGet);
        assertEquals(1, calls.get(499));
    }

    @Test
    void a_failure_in_any_slice_fails_the_chunk() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ChunkSlices.run(pool, 1000, 4, i -> {
                if (i == 900) {
                    throw new IllegalArgumentException("bad event " + i);
                }
            }));
            assertEquals("bad event 900", thrown.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void slices_reach_the_sink_in_order_while_later_slices_are_worked_on() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicIntegerArray calls = new AtomicIntegerArray(1000);
            java.util.List<Integer> delivered = new java.util.ArrayList<>();
            ChunkSlices.runInOrder(pool, 1000, 64, 2, (from, to) -> {
                for (int i = from; i < to; i++) {
                    calls.incrementAndGet(i);
                }
                return from;
            }, delivered::add);
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, calls.get(i), "index " + i);
            }
            java.util.List<Integer> starts = new java.util.ArrayList<>();
            for (int from = 0; from < 1000; from += 64) {
                starts.add(from);
            }
            assertEquals(starts, delivered);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void in_order_with_a_pool_that_never_runs_anything_the_caller_does_it_all() {
        java.util.List<Integer> delivered = new java.util.ArrayList<>();
        ChunkSlices.runInOrder(task -> { }, 10, 3, 1, (from, to) -> to - from, delivered::add);
        assertEquals(java.util.List.of(3, 3, 3, 1), delivered);
    }

    @Test
    void a_failing_slice_stops_the_rest_and_reaches_the_caller() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            java.util.List<Integer> delivered = new java.util.ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                    ChunkSlices.runInOrder(pool, 1000, 100, 2, (from, to) -> {
                        if (from == 300) {
                            throw new IllegalStateException("slice 3 broke");
                        }
                        return from;
                    }, delivered::add));
            assertEquals("slice 3 broke", thrown.getMessage());
            // The slices before it may or may not have been written by then; the broken one and later ones never are.
            assertEquals(delivered, java.util.List.of(0, 100, 200).subList(0, delivered.size()), "only slices before the broken one");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failing_sink_reaches_the_caller_after_the_started_slices_ended() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
            java.sql.SQLException thrown = assertThrows(java.sql.SQLException.class, () ->
                    ChunkSlices.<Integer, java.sql.SQLException>runInOrder(pool, 1000, 10, 2, (from, to) -> {
                        running.incrementAndGet();
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return from;
                    }, from -> {
                        if (from == 20) {
                            throw new java.sql.SQLException("connection lost");
                        }
                    }));
            assertEquals("connection lost", thrown.getMessage());
            assertEquals(0, running.get(), "no slice is still being worked on when the chunk fails");
        } finally {
            pool.shutdownNow();
        }
    }
}
