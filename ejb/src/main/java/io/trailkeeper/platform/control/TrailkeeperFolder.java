package io.trailkeeper.platform.control;

import java.nio.file.Path;

/**
 * The folder Trailkeeper keeps its own files in: {@code trailkeeper/} in the Payara domain (beside the
 * domain's embedded database), or in the temporary directory outside a server.
 */
public final class TrailkeeperFolder {

    private TrailkeeperFolder() {
    }

    public static Path resolve(String... parts) {
        String root = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir"));
        return Path.of(root, "trailkeeper").resolve(Path.of("", parts));
    }
}
