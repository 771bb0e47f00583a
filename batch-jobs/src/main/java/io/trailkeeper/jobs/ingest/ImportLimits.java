package io.trailkeeper.jobs.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The explicit limits of importing, from configuration. A record longer than
 * {@link #maxLineBytes()} is quarantined with its head and true size; an upload larger than
 * {@link #maxUploadBytes()} is refused before anything is stored.
 */
@ApplicationScoped
public class ImportLimits {

    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

    private final int maxLineBytes;
    private final long maxUploadBytes;
    private final Path inbox;

    protected ImportLimits() {
        this(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_UPLOAD_BYTES, Optional.empty());
    }

    @Inject
    public ImportLimits(
            @ConfigProperty(name = "trailkeeper.import.max-line-bytes", defaultValue = "1048576") int maxLineBytes,
            @ConfigProperty(name = "trailkeeper.import.max-upload-bytes", defaultValue = "268435456") long maxUploadBytes,
            @ConfigProperty(name = "trailkeeper.import.inbox") Optional<String> inbox) {
        if (maxLineBytes < 1024 || maxUploadBytes < 1024) {
            throw new IllegalArgumentException("import limits below 1 KiB make no sense");
        }
        this.maxLineBytes = maxLineBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.inbox = inbox.filter(s -> !s.isBlank()).map(Path::of).orElseGet(ImportLimits::defaultInbox);
    }

    private static Path defaultInbox() {
        String root = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir"));
        return Path.of(root, "trailkeeper", "inbox");
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Where uploaded trails wait for, and stay during, their import (a restart reads them again). */
    public Path inbox() {
        return inbox;
    }
}
