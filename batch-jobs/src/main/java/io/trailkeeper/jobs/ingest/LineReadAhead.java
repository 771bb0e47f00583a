package io.trailkeeper.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads and decodes the lines of a file ahead of the chunk being written, on a thread of its own,
 * so that parsing the next lines overlaps with the database storing the current ones instead of
 * leaving it idle between chunks.
 *
 * <p>Read-ahead changes nothing about what is committed: {@link #position()} is the position after
 * the last line handed out by {@link #next()}, which is what the step checkpoints; lines decoded
 * ahead but not yet handed out are simply read again after a restart. Memory stays bounded by
 * {@code maxLines} (plus one batch being decoded, see {@link #start(JsonLinesCursor, Function, UnaryOperator,
 * int, ThreadFactory, int, int)}) and by {@code maxBytes} of
 * line bytes waiting (a single longer line still passes, alone), whatever the size of the file.
 *
 * <p>When no thread can be had, the caller reads and decodes each line itself, as without read-ahead.
 */
final class LineReadAhead implements Closeable {

    private record Decoded(Object item, LinePosition after, int bytes) {
    }

    private static final Object END = new Object();

    private final JsonLinesCursor cursor;
    private final Function<RawLine, ?> decode;
    private final UnaryOperator<List<Object>> batchStep;
    private final int batchLines;
    private final BlockingQueue<Object> ahead;
    private final Semaphore bytesAhead;
    private final int maxBytes;
    private final Thread reader;
    private volatile boolean closing;
    private LinePosition position;
    private boolean ended;

    private LineReadAhead(JsonLinesCursor cursor, Function<RawLine, ?> decode, UnaryOperator<List<Object>> batchStep,
                          int batchLines, ThreadFactory threads, int maxLines, int maxBytes) {
        this.cursor = cursor;
        this.decode = decode;
        this.batchStep = batchStep;
        this.batchLines = Math.max(1, batchLines);
        this.ahead = new ArrayBlockingQueue<>(Math.max(1, maxLines));
        this.maxBytes = Math.max(1, maxBytes);
        this.bytesAhead = new Semaphore(this.maxBytes);
        this.position = cursor.position();
        Thread thread = null;
        try {
            thread = threads == null ? null : threads.newThread(this::readAhead);
        } catch (RuntimeException cannotHaveOne) {
            // the caller decodes in step with the chunk
        }
        this.reader = thread;
    }

    /**
     * Starts reading ahead from where {@code cursor} stands; takes over the cursor and closes it.
     *
     * @param threads where the reading thread comes from (a managed thread factory); {@code null}
     *     means none, and each line is read when it is asked for
     */
    static LineReadAhead start(JsonLinesCursor cursor, Function<RawLine, ?> decode, ThreadFactory threads,
                               int maxLines, int maxBytes) {
        return start(cursor, decode, UnaryOperator.identity(), 1, threads, maxLines, maxBytes);
    }

    /**
     * As {@link #start(JsonLinesCursor, Function, ThreadFactory, int, int)}, and when reading ahead,
     * {@code batchStep} takes the decoded items of every {@code batchLines} lines (fewer at the end, or
     * when the bytes waiting reach their limit) before they are handed out, and gives back the items
     * to hand out in their place, in the same order; it runs on the reading thread, beside the chunk
     * being stored, and must not throw.
     */
    static LineReadAhead start(JsonLinesCursor cursor, Function<RawLine, ?> decode, UnaryOperator<List<Object>> batchStep,
                               int batchLines, ThreadFactory threads, int maxLines, int maxBytes) {
        LineReadAhead readAhead = new LineReadAhead(cursor, decode, batchStep, batchLines, threads, maxLines, maxBytes);
        if (readAhead.reader != null) {
            readAhead.reader.setDaemon(true);
            readAhead.reader.start();
        }
        return readAhead;
    }

    /** @return the next line's decoded item, or {@code null} after the last line */
    Object next() throws IOException {
        if (ended) {
            return null;
        }
        if (reader == null) {
            RawLine line = cursor.next();
            if (line == null) {
                ended = true;
                return null;
            }
            Object item = decode.apply(line);
            position = cursor.position();
            return item;
        }
        Object taken;
        try {
            taken = ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the next line", e);
        }
        if (taken == END) {
            ended = true;
            return null;
        }
        if (taken instanceof Decoded decoded) {
            bytesAhead.release(decoded.bytes());
            position = decoded.after();
            return decoded.item();
        }
        ended = true;
        if (taken instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (taken instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException("reading ahead failed", (Throwable) taken);
    }

    /** Where a restarted reader continues: after the last line {@link #next()} handed out. */
    LinePosition position() {
        return position;
    }

    private void readAhead() {
        List<Decoded> batch = new ArrayList<>(batchLines);
        try {
            while (!closing) {
                RawLine line = cursor.next();
                if (line == null) {
                    if (putAll(batch)) {
                        put(END);
                    }
                    return;
                }
                int bytes = Math.min(line.bytes().length, maxBytes);
                if (!bytesAhead.tryAcquire(bytes)) {
                    // The bytes are held by lines not handed out yet: hand out the batch before waiting.
                    if (!putAll(batch)) {
                        return;
                    }
                    bytesAhead.acquire(bytes);
                }
                batch.add(new Decoded(decode.apply(line), cursor.position(), bytes));
                if (batch.size() >= batchLines && !putAll(batch)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (IOException | RuntimeException | Error e) {
            if (!closing) {
                try {
                    put(e);
                } catch (InterruptedException closingMeanwhile) {
                    // nobody waits any more
                }
            }
        }
    }

    /** Hands out a batch after {@code batchStep}; @return false when closing */
    private boolean putAll(List<Decoded> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return true;
        }
        List<Object> items = new ArrayList<>(batch.size());
        batch.forEach(decoded -> items.add(decoded.item()));
        List<Object> stepped = batchStep.apply(items);
        if (stepped.size() != items.size()) {
            throw new IllegalStateException("a batch step gave " + stepped.size() + " items for " + items.size());
        }
        for (int i = 0; i < batch.size(); i++) {
            Decoded decoded = batch.get(i);
            if (!put(new Decoded(stepped.get(i), decoded.after(), decoded.bytes()))) {
                return false;
            }
        }
        batch.clear();
        return true;
    }

    /** @return false when closing, and nothing is put */
    private boolean put(Object item) throws InterruptedException {
        while (!closing) {
            if (ahead.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Stops reading ahead, waits for the reading thread to end and closes the file. */
    @Override
    public void close() throws IOException {
        closing = true;
        if (reader != null) {
            reader.interrupt();
            ahead.clear();
            bytesAhead.release(maxBytes);
            try {
                reader.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cursor.close();
    }
}
