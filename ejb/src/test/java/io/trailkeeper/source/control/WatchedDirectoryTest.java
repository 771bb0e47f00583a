package io.trailkeeper.source.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path directory;

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(directory.resolve(name), "{\"x\":1}\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private List<String> names(WatchedDirectory.Scan scan) {
        return scan.candidates().stream().map(c -> c.path().getFileName().toString()).toList();
    }

    @Test
    void takesSettledTrailFilesOldestFirst() throws IOException {
        file("b.jsonl", NOW.minusSeconds(60));
        file("a.ndjson", NOW.minusSeconds(120));
        file("c.JSON", NOW.minusSeconds(30));

        WatchedDirectory.Scan scan = WatchedDirectory.scan(directory, NOW);

        assertEquals(List.of("a.ndjson", "b.jsonl", "c.JSON"), names(scan));
        assertEquals(8, scan.candidates().get(0).size());
    }

    @Test
    void skipsOtherNamesHiddenFilesDirectoriesAndLinks() throws IOException {
        Instant old = NOW.minusSeconds(600);
        file("notes.txt", old);
        file(".partial.jsonl", old);
        file("trail.jsonl.tmp", old);
        file(".jsonl", old);
        Files.createDirectory(directory.resolve("nested.jsonl"));
        Path target = file("real.jsonl", old);
        Files.createSymbolicLink(directory.resolve("link.jsonl"), target);

        assertEquals(List.of("real.jsonl"), names(WatchedDirectory.scan(directory, NOW)));
    }

    @Test
    void leavesFilesStillBeingWrittenForTheNextPull() throws IOException {
        file("done.jsonl", NOW.minus(WatchedDirectory.SETTLE_TIME));
        file("writing.jsonl", NOW.minusSeconds(1));

        WatchedDirectory.Scan scan = WatchedDirectory.scan(directory, NOW);

        assertEquals(List.of("done.jsonl"), names(scan));
        assertEquals(1, scan.settling());
    }

    @Test
    void takesAtMostTheLimitPerPull() throws IOException {
        for (int i = 0; i < WatchedDirectory.MAX_FILES_PER_PULL + 3; i++) {
            file(String.format("t%03d.jsonl", i), NOW.minusSeconds(1000 - i));
        }

        WatchedDirectory.Scan scan = WatchedDirectory.scan(directory, NOW);

        assertEquals(WatchedDirectory.MAX_FILES_PER_PULL, scan.candidates().size());
        assertEquals(3, scan.more());
        assertEquals("t000.jsonl", names(scan).get(0));
    }

    @Test
    void scanningNeitherChangesNorRemovesAnything() throws IOException {
        Path file = file("keep.jsonl", NOW.minusSeconds(60));
        FileTime before = Files.getLastModifiedTime(file);

        WatchedDirectory.scan(directory, NOW);
        String sha = WatchedDirectory.sha256(file);

        assertTrue(Files.exists(file));
        assertEquals(before, Files.getLastModifiedTime(file));
        assertEquals("{\"x\":1}\n", Files.readString(file));
        assertEquals(64, sha.length());
    }

    @Test
    void theContentDigestTellsChangedFilesApart() throws IOException {
        Path file = file("t.jsonl", NOW.minusSeconds(60));
        String first = WatchedDirectory.sha256(file);
        Files.writeString(file, "{\"x\":2}\n");

        assertFalse(first.equals(WatchedDirectory.sha256(file)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                WatchedDirectory.sha256(Files.createFile(directory.resolve("empty.jsonl"))), "SHA-256 of nothing");
    }

    @Test
    void aMissingDirectoryIsAnError() {
        assertThrows(IOException.class, () -> WatchedDirectory.scan(directory.resolve("absent"), NOW));
    }
}
