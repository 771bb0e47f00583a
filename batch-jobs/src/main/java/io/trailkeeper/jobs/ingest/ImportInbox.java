package io.trailkeeper.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Receives uploaded trail files. Copies the stream to disk with a hard size cap, so an oversize
 * upload is refused without filling the disk or the heap, and a partial file never reaches a job.
 */
final class ImportInbox {

    private final Path directory;
    private final long maxBytes;

    ImportInbox(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    Path receive(InputStream body) {
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(UUID.randomUUID() + ".part");
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
                for (int n; (n = read(body, buffer)) != -1; ) {
                    copied += n;
                    if (copied > maxBytes) {
                        throw new UploadRejected("the upload is larger than the limit of " + maxBytes
                                + " bytes (trailkeeper.import.max-upload-bytes)", true);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            if (copied == 0) {
                Files.delete(partial);
                throw new UploadRejected("the upload is empty", false);
            }
            Path complete = partial.resolveSibling(partial.getFileName().toString().replace(".part", ".jsonl"));
            return Files.move(partial, complete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the import inbox " + directory, e);
        }
    }

    /**
     * Reads the upload. A body that stops before its Content-Length (the client stalled until the
     * server's read timeout, or the connection broke) is the client's failure, not the inbox's: the
     * part received is dropped and the client is told to send the file again.
     */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new UploadRejected("the upload ended before all of it arrived (the connection stalled or broke);"
                    + " nothing of it was imported, send the file again", false);
        }
    }
}
