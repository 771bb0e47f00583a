package io.trailkeeper.source.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchRootsTest {

    @TempDir
    Path base;

    @Test
    void theOwnedDirectoryAndConfiguredOnesAreRoots() {
        WatchRoots roots = WatchRoots.of(base.resolve("owned"), " /srv/trails , ,/data/exports ");
        assertEquals(List.of(base.resolve("owned"), Path.of("/srv/trails"), Path.of("/data/exports")), roots.roots());
        assertEquals(Optional.empty(), roots.refusal(Path.of("/srv/trails/bot")));
        assertEquals(Optional.empty(), roots.refusal(base.resolve("owned").resolve("bot")));
        assertTrue(roots.refusal(Path.of("/srv")).isPresent());
        assertTrue(roots.refusal(Path.of("/")).isPresent());
        assertThrows(IllegalArgumentException.class, () -> WatchRoots.of(base, "relative/dir"));
    }

    @Test
    void aSymbolicLinkInsideARootThatLeadsOutIsRefused() throws IOException {
        Path owned = Files.createDirectories(base.resolve("owned"));
        Path outside = Files.createDirectories(base.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(owned.resolve("link"), outside);
        Path inner = Files.createDirectories(owned.resolve("real"));
        Files.createSymbolicLink(owned.resolve("inner-link"), inner);
        WatchRoots roots = WatchRoots.of(owned, null);

        Optional<String> refusal = roots.refusal(link);
        assertTrue(refusal.orElse("").startsWith("leads through a symbolic link out of the directories Trailkeeper may read"),
                refusal.toString());
        assertEquals(Optional.empty(), roots.refusal(owned.resolve("inner-link")), "a link that stays inside is fine");
        assertEquals(Optional.empty(), roots.refusal(inner));
    }

    @Test
    void aRootThatIsItselfALinkCountsWhereItLeads() throws IOException {
        Path real = Files.createDirectories(base.resolve("real-root"));
        Path linkedRoot = Files.createSymbolicLink(base.resolve("root-link"), real);
        Files.createDirectories(real.resolve("bot"));

        assertEquals(Optional.empty(), WatchRoots.of(linkedRoot, null).refusal(linkedRoot.resolve("bot")));
    }
}
