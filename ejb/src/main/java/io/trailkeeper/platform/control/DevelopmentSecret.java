package io.trailkeeper.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;

/**
 * A secret the embedded installation generates for itself when configuration gives none: written
 * once to the domain's {@code trailkeeper/} folder, readable by its owner only, and named
 * {@code DEVELOPMENT-ONLY-…} so nobody mistakes it for a production key. Production (PostgreSQL)
 * never uses these; the callers refuse to start there without configured keys.
 */
public final class DevelopmentSecret {

    private DevelopmentSecret() {
    }

    /**
     * The lines of the secret file {@code name} in {@code folder} (the domain's {@link TrailkeeperFolder}),
     * created from {@code generate} on first use.
     */
    public static List<String> readOrCreate(Path folder, String name, Supplier<List<String>> generate) {
        Path file = folder.resolve("DEVELOPMENT-ONLY-" + name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.write(file, generate.get(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system; the file is as protected as its folder
                }
            }
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the development secret " + file, e);
        }
    }

    /** Where a development secret lives, for messages. */
    public static String describe(String name) {
        return "<domain>/trailkeeper/DEVELOPMENT-ONLY-" + name;
    }
}
