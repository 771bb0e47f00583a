package io.trailkeeper.source.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which files of a watched directory a pull considers. Only reads: Trailkeeper never deletes, moves
 * or writes a file there, because the directory belongs to whoever exports the trail.
 * <ul>
 *   <li>regular files directly in the directory (no subdirectories; symbolic links are skipped so a
 *       link cannot lead the server to read files outside the directory);</li>
 *   <li>named {@code *.jsonl}, {@code *.ndjson} or {@code *.json}, not hidden (a leading dot is how
 *       exporters mark files still being written);</li>
 *   <li>settled: unchanged for {@link #SETTLE_TIME}, so a file still being written is taken at the next
 *       pull rather than half-read (exporters should still write under another name and rename);</li>
 *   <li>at most {@link #MAX_FILES_PER_PULL} per pull, oldest first; the rest wait for the next pull.</li>
 * </ul>
 */
public final class WatchedDirectory {

    public static final Set<String> EXTENSIONS = Set.of(".jsonl", ".ndjson", ".json");
    public static final Duration SETTLE_TIME = Duration.ofSeconds(5);
    /** Each file is one job execution; more at once would only queue in the batch runtime. */
    public static final int MAX_FILES_PER_PULL = 100;
    /** A directory with more entries is read only this far, so one pull has bounded work. */
    public static final int MAX_ENTRIES_LOOKED_AT = 100_000;

    /** A file that a pull considers, as it is now. */
    public record Candidate(Path path, long size, Instant modifiedAt) {
    }

    /**
     * @param candidates settled files, oldest first, at most {@link #MAX_FILES_PER_PULL}
     * @param settling   matching files changed too recently to be read now
     * @param more       matching settled files beyond the limit, left for the next pull
     */
    public record Scan(List<Candidate> candidates, int settling, int more) {
    }

    private WatchedDirectory() {
    }

    /** @throws IOException when the directory cannot be listed */
    public static Scan scan(Path directory, Instant now) throws IOException {
        List<Candidate> settled = new ArrayList<>();
        int settling = 0;
        int looked = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (++looked > MAX_ENTRIES_LOOKED_AT) {
                    break;
                }
                if (!hasTrailName(entry.getFileName().toString())) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException vanished) {
                    continue; // removed between listing and reading: not ours to worry about
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Instant modified = attributes.lastModifiedTime().toInstant();
                if (modified.isAfter(now.minus(SETTLE_TIME))) {
                    settling++;
                    continue;
                }
                settled.add(new Candidate(entry, attributes.size(), modified));
            }
        }
        settled.sort(Comparator.comparing(Candidate::modifiedAt).thenComparing(c -> c.path().toString()));
        int more = Math.max(0, settled.size() - MAX_FILES_PER_PULL);
        return new Scan(List.copyOf(settled.subList(0, settled.size() - more)), settling, more);
    }

    static boolean hasTrailName(String fileName) {
        if (fileName.startsWith(".")) {
            return false;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(ext -> lower.endsWith(ext) && lower.length() > ext.length());
    }

    /** SHA-256 of the file's content, read in a stream (constant memory whatever its size). */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
