package io.trailkeeper.source.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The directories a file source may watch: one Trailkeeper owns and whatever an administrator
 * lists in {@value #CONFIGURED}. Nothing else of the server's file system is read, since a pull
 * shows what it read to officers and auditors (quarantine previews) and a test tells whether a path
 * exists (OWASP ASVS 4.0.3 V12.3.1, paths confined to an allow-list). A directory is judged by where
 * it really is: a symbolic link inside a root that leads out of it is refused, when the source is
 * saved and again before every pull (a link may be created later).
 */
public final class WatchRoots {

    public static final String CONFIGURED = "trailkeeper.sources.watch-roots";

    private final List<Path> roots;

    /** @param roots absolute directories; the first is the one Trailkeeper owns */
    public WatchRoots(List<Path> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least the directory Trailkeeper owns is a watch root");
        }
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    /**
     * @param owned      the directory Trailkeeper owns
     * @param configured comma-separated absolute directories an administrator allows, or null
     * @throws IllegalArgumentException when a configured root is not an absolute path
     */
    public static WatchRoots of(Path owned, String configured) {
        List<Path> roots = new ArrayList<>(List.of(owned));
        if (configured != null) {
            for (String entry : configured.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                Path root = Path.of(entry.strip());
                if (!root.isAbsolute()) {
                    throw new IllegalArgumentException(CONFIGURED + ": '" + entry.strip() + "' is not an absolute directory");
                }
                roots.add(root);
            }
        }
        return new WatchRoots(roots);
    }

    public List<Path> roots() {
        return roots;
    }

    /** Why a directory may not be watched, or empty when it may; the path itself must be absolute and normalized. */
    public Optional<String> refusal(Path directory) {
        Path normalized = directory.toAbsolutePath().normalize();
        if (roots.stream().noneMatch(normalized::startsWith)) {
            return Optional.of("must lie inside a directory Trailkeeper may read: " + described());
        }
        if (Files.exists(normalized)) {
            Path real;
            try {
                real = normalized.toRealPath();
            } catch (IOException e) {
                return Optional.of("its real location cannot be determined (" + e.getClass().getSimpleName() + ")");
            }
            if (roots.stream().map(WatchRoots::real).noneMatch(real::startsWith)) {
                return Optional.of("leads through a symbolic link out of the directories Trailkeeper may read: " + described());
            }
        }
        return Optional.empty();
    }

    private String described() {
        return roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " (administrators add more in " + CONFIGURED + ")";
    }

    private static Path real(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root; // not there (yet): nothing real lies below it
        }
    }
}
