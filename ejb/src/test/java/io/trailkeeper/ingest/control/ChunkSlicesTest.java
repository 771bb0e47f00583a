package io.trailkeeper.ingest.control;

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
}
