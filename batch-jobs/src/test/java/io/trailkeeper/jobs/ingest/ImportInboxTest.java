package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportInboxTest {

    static final byte[] TRAIL = ("{\"ts\":\"2026-11-20T10:00:00Z\",\"agent_id\":\"a\",\"action\":\"x\"}\n"
            + "{\"ts\":\"2026-11-20T10:01:00Z\",\"agent_id\":\"a\",\"action\":\"y\"}\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    static List<Path> filesIn(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void anUploadIsCopiedToAJsonLinesFileInTheInbox() throws IOException {
        Path inbox = root.resolve("inbox");

        Path received = new ImportInbox(inbox, 1024).receive(stream(TRAIL));

        assertEquals(inbox, received.getParent());
        assertTrue(received.getFileName().toString().endsWith(".jsonl"), received.toString());
        assertArrayEquals(TRAIL, Files.readAllBytes(received));
        assertEquals(List.of(received), filesIn(inbox), "no partial file is left next to it");
    }

    @Test
    void twoUploadsGetTwoFiles() {
        ImportInbox inbox = new ImportInbox(root, 1024);

        Path first = inbox.receive(stream(TRAIL));
        Path second = inbox.receive(stream(TRAIL));

        assertNotEquals(first, second);
    }

    @Test
    void anUploadOfExactlyTheLimitIsAccepted() throws IOException {
        Path received = new ImportInbox(root, TRAIL.length).receive(stream(TRAIL));

        assertArrayEquals(TRAIL, Files.readAllBytes(received));
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndLeavesNoFileBehind() throws IOException {
        ImportInbox inbox = new ImportInbox(root, TRAIL.length - 1);

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> inbox.receive(stream(TRAIL)));

        assertTrue(rejected.tooLarge());
        assertTrue(rejected.getMessage().contains("trailkeeper.import.max-upload-bytes"), rejected.getMessage());
        assertEquals(List.of(), filesIn(root), "neither a .part nor a .jsonl file may remain");
    }

    @Test
    void aLargeUploadIsRefusedWithoutReadingAllOfIt() throws IOException {
        // Far larger than the limit; the inbox must stop soon after the limit instead of consuming it all.
        CountingEndlessStream endless = new CountingEndlessStream();
        ImportInbox inbox = new ImportInbox(root, 100_000);

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> inbox.receive(endless));

        assertTrue(rejected.tooLarge());
        assertTrue(endless.served < 1_000_000, "read " + endless.served + " bytes");
        assertEquals(List.of(), filesIn(root));
    }

    @Test
    void anEmptyUploadIsRefusedAsEmptyAndLeavesNoFileBehind() throws IOException {
        ImportInbox inbox = new ImportInbox(root, 1024);

        UploadRejected rejected = assertThrows(UploadRejected.class, () -> inbox.receive(stream(new byte[0])));

        assertFalse(rejected.tooLarge());
        assertTrue(rejected.getMessage().contains("empty"), rejected.getMessage());
        assertEquals(List.of(), filesIn(root));
    }

    @Test
    void aFailingUploadStreamLeavesNoFileBehind() throws IOException {
        InputStream broken = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ < 10) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        assertThrows(RuntimeException.class, () -> new ImportInbox(root, 1024).receive(broken));

        assertEquals(List.of(), filesIn(root));
    }

    /** Serves 'x' forever and counts what it served. */
    static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served += length;
            return length;
        }
    }
}
