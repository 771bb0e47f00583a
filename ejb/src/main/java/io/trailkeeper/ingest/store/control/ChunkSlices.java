package io.trailkeeper.ingest.store.control;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Spreads the per-event CPU work of one chunk (masking, sealing, encoding) over the calling thread and
 * pool threads. A slice no pool thread has started yet is run by the caller, so finishing never waits
 * for a free pool thread: concurrent imports that fill the pool slow down, they never deadlock.
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
        runInOrder(pool, size, Math.max(1, (size + count - 1) / count), count - 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                work.accept(i);
            }
            return null;
        }, nothing -> {
        });
    }

    /** The work on one slice, indexes {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface SliceWork<R> {
        R run(int from, int to);
    }

    /** Takes the result of one slice, on the calling thread. */
    @FunctionalInterface
    public interface SliceSink<R, E extends Exception> {
        void accept(R result) throws E;
    }

    /**
     * Runs {@code work} over every index below {@code size} in slices of {@code sliceSize}, on up to
     * {@code helpers} pool threads and the caller, and hands each slice's result to {@code sink} on the
     * calling thread in slice order, as soon as that slice is done. What the sink does (writing to the
     * database) thus overlaps with the work on later slices. Slices are taken in order, so the next one
     * the sink needs is always among the first started; while it waits for one, the caller works on
     * later slices itself. The first failure of a slice stops the rest and is rethrown once every slice
     * already started has ended; a failure of the sink is rethrown likewise.
     */
    public static <R, E extends Exception> void runInOrder(Executor pool, int size, int sliceSize, int helpers,
                                                           SliceWork<R> work, SliceSink<R, E> sink) throws E {
        if (size <= 0) {
            return;
        }
        OrderedSlices<R> slices = new OrderedSlices<>(size, Math.max(1, sliceSize), work);
        for (int h = 0; h < Math.min(helpers, slices.count - 1); h++) {
            try {
                pool.execute(slices::runWhileAny);
            } catch (RejectedExecutionException busy) {
                break; // the caller runs what no pool thread took
            }
        }
        try {
            for (int s = 0; s < slices.count; s++) {
                while (!slices.isDone(s)) {
                    if (!slices.runNext()) {
                        slices.await(s);
                    }
                }
                slices.rethrowFailure();
                sink.accept(slices.take(s));
            }
        } catch (Exception | Error e) {
            slices.stop();
            throw e;
        }
    }

    private static final class OrderedSlices<R> {
        private final int size;
        private final int sliceSize;
        private final int count;
        private final SliceWork<R> work;
        private final Object[] results;
        private final CountDownLatch[] done;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stopped;

        OrderedSlices(int size, int sliceSize, SliceWork<R> work) {
            this.size = size;
            this.sliceSize = sliceSize;
            this.count = (size + sliceSize - 1) / sliceSize;
            this.work = work;
            this.results = new Object[count];
            this.done = new CountDownLatch[count];
            for (int s = 0; s < count; s++) {
                done[s] = new CountDownLatch(1);
            }
        }

        void runWhileAny() {
            while (runNext()) {
                // each call runs one slice
            }
        }

        /** Runs the next slice nobody has taken. @return false when every slice is taken */
        boolean runNext() {
            int s = next.getAndIncrement();
            if (s >= count) {
                return false;
            }
            try {
                if (!stopped && failure.get() == null) {
                    results[s] = work.run(s * sliceSize, Math.min(size, (s + 1) * sliceSize));
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                done[s].countDown();
            }
            return true;
        }

        boolean isDone(int s) {
            return done[s].getCount() == 0;
        }

        void await(int s) {
            try {
                done[s].await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing a chunk", e);
            }
        }

        void rethrowFailure() {
            Throwable first = failure.get();
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error e) {
                throw e;
            }
        }

        @SuppressWarnings("unchecked")
        R take(int s) {
            R result = (R) results[s];
            results[s] = null; // written: let it go before the chunk ends
            return result;
        }

        /** Lets no further slice start and waits for those started, so no work outlives the chunk. */
        void stop() {
            stopped = true;
            for (int s = next.getAndIncrement(); s < count; s = next.getAndIncrement()) {
                done[s].countDown(); // taken here so that nobody runs it
            }
            for (CountDownLatch latch : done) {
                boolean interrupted = false;
                while (latch.getCount() > 0) {
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
