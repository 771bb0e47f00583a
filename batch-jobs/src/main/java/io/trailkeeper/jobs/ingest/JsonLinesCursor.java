package io.trailkeeper.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Walks a JSON-lines file line by line from a given position, with memory bounded by a fixed read
 * buffer plus the line limit, however large the file or its lines.
 *
 * <p>Lines end with {@code \n} or {@code \r\n}; a lone {@code \r} is content. A last line without
 * terminator is still a line, but the empty rest after a final terminator is not. Blank lines are
 * returned, so that whoever rejects them can report their line numbers. A UTF-8 byte order mark
 * at the start of the file is skipped. A line longer than the limit is returned cut to the limit
 * with its real length, and the rest of it is skipped without being held in memory.
 *
 * <p>{@link #position()} after a line is where a restarted reader must continue to get exactly the
 * lines that follow. Not thread-safe: one cursor belongs to one reader.
 */
public final class JsonLinesCursor implements Closeable {

    /** Large enough for sequential disk reads to run at full speed, small enough for many parallel jobs. */
    static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

    private static final int INITIAL_LINE_CAPACITY = 1024;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final int maxLineBytes;
    /** Grows with the longest line seen, but never beyond {@link #maxLineBytes}. */
    private byte[] line;
    private long nextLineNumber;
    /** File offset of the first byte not yet taken from {@link #buffer}; a line start between calls. */
    private long offset;
    private boolean closed;

    private JsonLinesCursor(FileChannel channel, int bufferSize, int maxLineBytes, long offset, long nextLineNumber) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(bufferSize).flip();
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(maxLineBytes, INITIAL_LINE_CAPACITY)];
        this.offset = offset;
        this.nextLineNumber = nextLineNumber;
    }

    /**
     * @param from where to start: {@link LinePosition#start()} or a position from an earlier cursor
     *     on the same file
     * @param maxLineBytes the most bytes of one line to return; the rest of a longer line is skipped
     * @throws IOException when the file cannot be opened, or {@code from} lies beyond its end or not
     *     at the start of a line, which means the file changed since the position was taken
     */
    public static JsonLinesCursor open(Path file, LinePosition from, int maxLineBytes) throws IOException {
        return open(file, from, maxLineBytes, DEFAULT_BUFFER_SIZE);
    }

    /** As {@link #open(Path, LinePosition, int)}, with a chosen buffer size so tests can reach buffer edges. */
    static JsonLinesCursor open(Path file, LinePosition from, int maxLineBytes, int bufferSize) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(from, "from");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be 1 or more, was " + maxLineBytes);
        }
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be 1 or more, was " + bufferSize);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long start = startOffset(channel, file, from.byteOffset());
            channel.position(start);
            return new JsonLinesCursor(channel, bufferSize, maxLineBytes, start, from.nextLineNumber());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static long startOffset(FileChannel channel, Path file, long requested) throws IOException {
        long size = channel.size();
        if (requested > size) {
            throw new IOException("cannot continue reading " + file.getFileName() + " at byte offset " + requested
                    + ": the file has only " + size + " bytes (was it truncated or replaced since the position was taken?)");
        }
        boolean byteOrderMark = startsWithByteOrderMark(channel);
        if (requested == 0) {
            return byteOrderMark ? BYTE_ORDER_MARK.length : 0;
        }
        // At the end of the file there is nothing left to misread, even after an unterminated last line.
        boolean lineStart = requested == size
                || (byteOrderMark && requested == BYTE_ORDER_MARK.length)
                || byteAt(channel, requested - 1) == '\n';
        if (!lineStart) {
            throw new IOException("cannot continue reading " + file.getFileName() + " at byte offset " + requested
                    + ": that is not the start of a line (was the file changed since the position was taken?)");
        }
        return requested;
    }

    private static boolean startsWithByteOrderMark(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(BYTE_ORDER_MARK.length);
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // positional reads may return fewer bytes than asked; keep reading until full or EOF
        }
        return !head.hasRemaining() && Arrays.equals(head.array(), BYTE_ORDER_MARK);
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        if (channel.read(one, position) != 1) {
            throw new IOException("could not read byte " + position);
        }
        return one.get(0);
    }

    /**
     * @return the next line, or {@code null} at the end of the file
     * @throws ClosedChannelException after {@link #close()}
     */
    public RawLine next() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        long lineOffset = offset;
        long length = 0;
        int held = 0;
        byte last = 0;
        while (buffer.hasRemaining() || fill()) {
            byte[] bytes = buffer.array();
            int from = buffer.position();
            int limit = buffer.limit();
            int newline = from;
            while (newline < limit && bytes[newline] != '\n') {
                newline++;
            }
            int segment = newline - from;
            if (segment > 0) {
                held = hold(bytes, from, segment, held);
                length += segment;
                last = bytes[newline - 1];
            }
            if (newline < limit) {
                buffer.position(newline + 1);
                offset += segment + 1;
                if (length > 0 && last == '\r') {
                    // Only now is it known that the \r belonged to a \r\n terminator.
                    length--;
                    held = (int) Math.min(held, length);
                }
                return emit(lineOffset, held, length);
            }
            buffer.position(limit);
            offset += segment;
        }
        return length == 0 ? null : emit(lineOffset, held, length);
    }

    /** Keeps as much of a segment as the line limit allows and drops the rest. */
    private int hold(byte[] source, int from, int count, int held) {
        int kept = Math.min(count, maxLineBytes - held);
        if (kept > 0) {
            if (held + kept > line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, held + kept)));
            }
            System.arraycopy(source, from, line, held, kept);
        }
        return held + kept;
    }

    private RawLine emit(long lineOffset, int held, long length) {
        RawLine raw = new RawLine(nextLineNumber, lineOffset, Arrays.copyOf(line, held),
                (int) Math.min(length, Integer.MAX_VALUE));
        nextLineNumber++;
        return raw;
    }

    private boolean fill() throws IOException {
        buffer.clear();
        int read;
        do {
            read = channel.read(buffer);
        } while (read == 0);
        buffer.flip();
        return read > 0;
    }

    /** @return where to continue after the last line returned by {@link #next()}, or the start position before any */
    public LinePosition position() {
        return new LinePosition(nextLineNumber, offset);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
