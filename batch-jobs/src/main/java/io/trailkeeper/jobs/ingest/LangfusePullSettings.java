package io.trailkeeper.jobs.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The explicit limits of pulling from Langfuse, from configuration: the largest page body accepted
 * and how long to wait for a connection and for a whole response. A single observation is bounded by
 * {@code trailkeeper.import.max-line-bytes}, like a line of a file.
 */
@ApplicationScoped
public class LangfusePullSettings {

    public static final long DEFAULT_MAX_PAGE_BYTES = 64L * 1024 * 1024;

    private final long maxPageBytes;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    protected LangfusePullSettings() {
        this(DEFAULT_MAX_PAGE_BYTES, 10, 120);
    }

    @Inject
    public LangfusePullSettings(
            @ConfigProperty(name = "trailkeeper.langfuse.max-page-bytes", defaultValue = "67108864") long maxPageBytes,
            @ConfigProperty(name = "trailkeeper.langfuse.connect-timeout-seconds", defaultValue = "10") int connectTimeoutSeconds,
            @ConfigProperty(name = "trailkeeper.langfuse.request-timeout-seconds", defaultValue = "120") int requestTimeoutSeconds) {
        if (maxPageBytes < 1024 || connectTimeoutSeconds < 1 || requestTimeoutSeconds < 1) {
            throw new IllegalArgumentException("Langfuse pull limits must be at least 1 KiB and 1 s");
        }
        this.maxPageBytes = maxPageBytes;
        this.connectTimeout = Duration.ofSeconds(connectTimeoutSeconds);
        this.requestTimeout = Duration.ofSeconds(requestTimeoutSeconds);
    }

    public long maxPageBytes() {
        return maxPageBytes;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }
}
