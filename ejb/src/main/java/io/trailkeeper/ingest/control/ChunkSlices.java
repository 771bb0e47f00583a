package io.trailkeeper.ingest.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Spreads the per-event CPU work of one chunk (masking, sealing) over the calling thread and pool
 * threads. A slice no pool thread has started yet is run by the caller, so finishing never waits for
 * a free pool thread: concurrent imports that fill the pool slow down, they never deadlock.
 */
public final class ChunkSlices {

    private ChunkSlices() {
    }

    /**
     * Calls {@code work} once for every index below {@code size}, in {@code slices} contiguous slices.
     * Rethrows the first failure of any slice.
     */
    public static void run(Executor pool, int size, int slices, IntConsumer work) {
        int count = Math.max(1, Math.min(slices, size / 64)); // small chunks are not worth a hand-over
        if (count == 1) {
            for (int i = 0; i < size; i++) {
                work.accept(i);
            }
            return;
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Slice> parts = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            parts.add(new Slice(size * s / count, size * (s + 1) / count, work, failure));
        }
        for (Slice part : parts.subList(1, count)) {
            try {
                pool.execute(part::runIfUnclaimed);
            } catch (RejectedExecutionException busy) {
                // the caller runs it below
            }
        }
        for (Slice part : parts) {
            part.runIfUnclaimed();
        }
        for (Slice part : parts) {
            part.awaitDone();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static final class Slice {
        private final int from;
        private final int to;
        private final IntConsumer work;
        private final AtomicReference<RuntimeException> failure;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);

        Slice(int from, int to, IntConsumer work, AtomicReference<RuntimeException> failure) {
            this.from = from;
            this.to = to;
            this.work = work;
            this.failure = failure;
        }

        void runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                for (int i = from; i < to; i++) {
                    work.accept(i);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
            } finally {
                done.countDown();
            }
        }

        void awaitDone() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing a chunk", e);
            }
        }
    }
}
