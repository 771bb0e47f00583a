package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesCursorTest {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final int LIMIT = 1 << 20;

    @TempDir
    Path dir;

    Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("trail-" + System.nanoTime() + ".jsonl"), content);
    }

    Path file(String content) throws IOException {
        return file(utf8(content));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(RawLine line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    static List<RawLine> readAll(Path file, LinePosition from, int maxLineBytes, int bufferSize) throws IOException {
        try (JsonLinesCursor cursor = JsonLinesCursor.open(file, from, maxLineBytes, bufferSize)) {
            List<RawLine> lines = new ArrayList<>();
            for (RawLine line = cursor.next(); line != null; line = cursor.next()) {
                lines.add(line);
            }
            return lines;
        }
    }

    static List<String> texts(Path file) throws IOException {
        return readAll(file, LinePosition.start(), LIMIT, JsonLinesCursor.DEFAULT_BUFFER_SIZE).stream()
                .map(JsonLinesCursorTest::text).toList();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The obvious reading of a whole file held in memory, as the reference for the cursor. */
    static List<RawLine> expectedLines(byte[] content, int maxLineBytes) {
        List<RawLine> lines = new ArrayList<>();
        int start = content.length >= 3 && Arrays.equals(Arrays.copyOf(content, 3), BOM) ? 3 : 0;
        long number = 1;
        while (start < content.length) {
            int newline = start;
            while (newline < content.length && content[newline] != '\n') {
                newline++;
            }
            int end = newline;
            if (newline < content.length && end > start && content[end - 1] == '\r') {
                end--;
            }
            int length = end - start;
            lines.add(new RawLine(number++, start,
                    Arrays.copyOfRange(content, start, start + Math.min(length, maxLineBytes)), length));
            start = newline + 1;
        }
        return lines;
    }

    @Test
    void readsLinesWithTheirNumbersAndOffsets() throws IOException {
        Path file = file("{\"a\":1}\n{\"b\":2}\n");
        try (JsonLinesCursor cursor = JsonLinesCursor.open(file, LinePosition.start(), LIMIT)) {
            assertEquals(new RawLine(1, 0, utf8("{\"a\":1}"), 7), cursor.next());
            assertEquals(new LinePosition(2, 8), cursor.position());
            assertEquals(new RawLine(2, 8, utf8("{\"b\":2}"), 7), cursor.next());
            assertEquals(new LinePosition(3, 16), cursor.position());
            assertNull(cursor.next());
            assertNull(cursor.next(), "the end stays the end");
            assertEquals(new LinePosition(3, 16), cursor.position());
        }
    }

    @Test
    void crlfTerminatorsAreStripped() throws IOException {
        List<RawLine> lines = readAll(file("one\r\ntwo\r\n"), LinePosition.start(), LIMIT, 64);
        assertEquals(List.of(new RawLine(1, 0, utf8("one"), 3), new RawLine(2, 5, utf8("two"), 3)), lines);
    }

    @Test
    void aLoneCarriageReturnIsContent() throws IOException {
        assertEquals(List.of("a\rb", "c\r"), texts(file("a\rb\nc\r")));
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkippedButNowhereElse() throws IOException {
        Path file = file(concat(BOM, utf8("first\n"), BOM, utf8("second\n")));
        List<RawLine> lines = readAll(file, LinePosition.start(), LIMIT, 64);
        assertEquals(new RawLine(1, 3, utf8("first"), 5), lines.get(0));
        assertArrayEquals(concat(BOM, utf8("second")), lines.get(1).bytes());
    }

    @Test
    void aFinalLineWithoutTerminatorIsReturned() throws IOException {
        assertEquals(List.of("a", "b"), texts(file("a\nb")));
    }

    @Test
    void blankLinesAreReturnedButNotTheEmptyRestAfterTheLastNewline() throws IOException {
        List<RawLine> lines = readAll(file("a\n\n\r\n  \nb\n"), LinePosition.start(), LIMIT, 64);
        assertEquals(List.of("a", "", "", "  ", "b"), lines.stream().map(JsonLinesCursorTest::text).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), lines.stream().map(RawLine::lineNumber).toList());
    }

    @Test
    void emptyFilesHaveNoLines() throws IOException {
        assertEquals(List.of(), texts(file("")));
        assertEquals(List.of(), texts(file(BOM)));
        assertEquals(List.of(""), texts(file("\n")), "one newline terminates one blank line");
    }

    @Test
    void anOversizeLineIsCutAndTheNextLineIsIntact() throws IOException {
        Path file = file("0123456789abcdef\nnext\n");
        List<RawLine> lines = readAll(file, LinePosition.start(), 8, 64);
        assertEquals(new RawLine(1, 0, utf8("01234567"), 16), lines.get(0));
        assertTrue(lines.get(0).truncated());
        assertEquals(new RawLine(2, 17, utf8("next"), 4), lines.get(1));
        assertFalse(lines.get(1).truncated());
    }

    @Test
    void theCrOfACrlfDoesNotCountTowardsTheLimit() throws IOException {
        List<RawLine> lines = readAll(file("abcd\r\nabcde\r\nab\r\n"), LinePosition.start(), 4, 3);
        assertEquals(List.of(new RawLine(1, 0, utf8("abcd"), 4), new RawLine(2, 6, utf8("abcd"), 5),
                new RawLine(3, 13, utf8("ab"), 2)), lines);
        assertFalse(lines.get(0).truncated());
        assertTrue(lines.get(1).truncated());
    }

    @Test
    void aHugeLineIsSkippedWithoutHoldingIt() throws IOException {
        byte[] huge = new byte[10_000_000];
        Arrays.fill(huge, (byte) 'x');
        Path file = file(concat(huge, utf8("\n{\"after\":true}\n")));
        List<RawLine> lines = readAll(file, LinePosition.start(), 1024, JsonLinesCursor.DEFAULT_BUFFER_SIZE);
        assertEquals(1024, lines.get(0).bytes().length);
        assertEquals(10_000_000, lines.get(0).originalLength());
        assertEquals(new RawLine(2, 10_000_001, utf8("{\"after\":true}"), 14), lines.get(1));
    }

    @Test
    void restartingAtAPositionContinuesExactlyThere() throws IOException {
        Path file = file("l1\r\nl2\n\nl4\nl5");
        LinePosition afterTwo;
        try (JsonLinesCursor cursor = JsonLinesCursor.open(file, LinePosition.start(), LIMIT)) {
            cursor.next();
            cursor.next();
            afterTwo = cursor.position();
        }
        assertEquals(new LinePosition(3, 7), afterTwo);
        List<RawLine> rest = readAll(file, afterTwo, LIMIT, 64);
        assertEquals(List.of(new RawLine(3, 7, new byte[0], 0), new RawLine(4, 8, utf8("l4"), 2),
                new RawLine(5, 11, utf8("l5"), 2)), rest);
    }

    @Test
    void restartingAfterTheByteOrderMarkWorks() throws IOException {
        Path file = file(concat(BOM, utf8("a\nb\n")));
        try (JsonLinesCursor cursor = JsonLinesCursor.open(file, LinePosition.start(), LIMIT)) {
            assertEquals(new LinePosition(1, 3), cursor.position());
        }
        assertEquals(List.of(new RawLine(1, 3, utf8("a"), 1), new RawLine(2, 5, utf8("b"), 1)),
                readAll(file, new LinePosition(1, 3), LIMIT, 64));
    }

    @Test
    void restartingAtTheEndOfAFileWithoutFinalNewlineGivesNothing() throws IOException {
        Path file = file("a\nb");
        assertEquals(List.of(), readAll(file, new LinePosition(3, 3), LIMIT, 64));
    }

    @Test
    void aPositionBeyondTheEndOfTheFileIsRefused() throws IOException {
        Path file = file("a\nb\n");
        IOException e = assertThrows(IOException.class, () -> JsonLinesCursor.open(file, new LinePosition(9, 100), LIMIT));
        assertTrue(e.getMessage().contains("at byte offset 100: the file has only 4 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    @Test
    void aPositionInsideALineIsRefused() throws IOException {
        Path file = file("abc\ndef\n");
        IOException e = assertThrows(IOException.class, () -> JsonLinesCursor.open(file, new LinePosition(2, 2), LIMIT));
        assertTrue(e.getMessage().contains("at byte offset 2: that is not the start of a line"), e.getMessage());
    }

    @Test
    void invalidArgumentsAreRefused() throws IOException {
        Path file = file("a\n");
        assertThrows(IllegalArgumentException.class, () -> JsonLinesCursor.open(file, LinePosition.start(), 0));
        assertThrows(IllegalArgumentException.class, () -> new LinePosition(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinePosition(1, -1));
        assertThrows(IOException.class, () -> JsonLinesCursor.open(dir.resolve("missing.jsonl"), LinePosition.start(), 10));
    }

    @Test
    void aClosedCursorRefusesToRead() throws IOException {
        JsonLinesCursor cursor = JsonLinesCursor.open(file("a\nb\n"), LinePosition.start(), LIMIT);
        cursor.next();
        cursor.close();
        assertThrows(ClosedChannelException.class, cursor::next);
        assertEquals(new LinePosition(2, 2), cursor.position());
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 17})
    void linesAroundTheBufferSizeAreWhole(int length) throws IOException {
        String a = "a".repeat(length);
        String b = "b".repeat(length);
        Path file = file(a + "\n" + b + "\r\n" + a);
        assertEquals(List.of(a, b, a), readAll(file, LinePosition.start(), LIMIT, 16).stream().map(JsonLinesCursorTest::text).toList());
    }

    @Test
    void linesOfExactlyTheDefaultBufferSizeAreWhole() throws IOException {
        int size = JsonLinesCursor.DEFAULT_BUFFER_SIZE;
        String exact = "x".repeat(size - 1); // with its \n the line fills the buffer exactly
        String full = "y".repeat(size);
        String crAtEdge = "z".repeat(size - 1); // its \r ends one buffer and its \n starts the next
        Path file = file(exact + "\n" + full + "\n" + crAtEdge + "\r\nend");
        List<RawLine> lines = readAll(file, LinePosition.start(), LIMIT, size);
        assertEquals(List.of(exact, full, crAtEdge, "end"), lines.stream().map(JsonLinesCursorTest::text).toList());
        assertEquals(List.of(0L, (long) size, 2L * size + 1, 3L * size + 2), lines.stream().map(RawLine::byteOffset).toList());
    }

    @Test
    void multiByteCharactersAcrossBufferEdgesArriveIntact() throws IOException {
        // At every shift, some 2-, 3- or 4-byte sequence straddles a 7-byte buffer edge.
        String text = "{\"note\":\"Grüße € 😀 ok\"}";
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int shift = 0; shift < 8; shift++) {
            String line = "-".repeat(shift) + text;
            content.append(line).append(shift % 2 == 0 ? "\n" : "\r\n");
            expected.add(line);
        }
        Path file = file(content.toString());
        assertEquals(expected, readAll(file, LinePosition.start(), LIMIT, 7).stream().map(JsonLinesCursorTest::text).toList());

        String big = "€".repeat(JsonLinesCursor.DEFAULT_BUFFER_SIZE / 3 + 1); // crosses the 64 KiB edge mid-character
        assertEquals(List.of(big, "😀"), texts(file(big + "\n😀\n")));
    }

    @Test
    void everyCutPointSplitsTheFileIntoExactlyAllItsLines() throws IOException {
        byte[] content = generatedFile(new Random(42), 300);
        Path file = file(content);
        for (int maxLineBytes : new int[] {5, 64, LIMIT}) {
            List<RawLine> all = expectedLines(content, maxLineBytes);
            for (int bufferSize : new int[] {1, 2, 3, 7, 64, 4096, JsonLinesCursor.DEFAULT_BUFFER_SIZE}) {
                assertEquals(all, readAll(file, LinePosition.start(), maxLineBytes, bufferSize),
                        "maxLineBytes " + maxLineBytes + ", buffer " + bufferSize);
            }
            List<LinePosition> cuts = new ArrayList<>();
            try (JsonLinesCursor cursor = JsonLinesCursor.open(file, LinePosition.start(), maxLineBytes, 7)) {
                cuts.add(cursor.position());
                while (cursor.next() != null) {
                    cuts.add(cursor.position());
                }
            }
            assertEquals(all.size() + 1, cuts.size());
            for (int k = 0; k < cuts.size(); k++) {
                List<RawLine> joined = new ArrayList<>(all.subList(0, k));
                joined.addAll(readAll(file, cuts.get(k), maxLineBytes, 13));
                assertEquals(all, joined, "cut after " + k + " lines, maxLineBytes " + maxLineBytes);
            }
        }
    }

    @Test
    void generatedFilesOfManyShapesReadLikeTheReference() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] content = generatedFile(random, random.nextInt(12));
            Path file = file(content);
            int maxLineBytes = 1 + random.nextInt(40);
            int bufferSize = 1 + random.nextInt(20);
            assertEquals(expectedLines(content, maxLineBytes), readAll(file, LinePosition.start(), maxLineBytes, bufferSize),
                    "round " + round);
        }
    }

    /** Lines of mixed lengths, terminators, blank lines, stray \r, multi-byte text, with or without BOM and final newline. */
    static byte[] generatedFile(Random random, int lines) {
        String[] pieces = {"{\"a\":1}", "", " ", "ü", "€", "😀", "\r", "{\"prompt\":\"Grüße\"}", "x".repeat(70), "\"k\":[1,2]"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            out.writeBytes(BOM);
        }
        for (int i = 0; i < lines; i++) {
            int parts = random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                out.writeBytes(utf8(pieces[random.nextInt(pieces.length)]));
            }
            boolean last = i == lines - 1;
            if (!last || random.nextBoolean()) {
                out.writeBytes(utf8(random.nextBoolean() ? "\n" : "\r\n"));
            }
        }
        return out.toByteArray();
    }

    @Test
    void positionsSurviveSerializationForCheckpoints() throws Exception {
        LinePosition position = new LinePosition(1_234_567, 5_000_000_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(position);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(position, in.readObject());
        }
    }

    @Test
    void aLineDescribesItselfWithoutItsContent() {
        RawLine line = new RawLine(7, 100, utf8("{\"user\":\"cust-1\"}"), 17);
        assertEquals("RawLine[lineNumber=7, byteOffset=100, length=17, originalLength=17]", line.toString());
        assertThrows(IllegalArgumentException.class, () -> new RawLine(1, 0, utf8("abc"), 2));
    }
}
