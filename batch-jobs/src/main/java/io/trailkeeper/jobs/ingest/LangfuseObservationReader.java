package io.trailkeeper.jobs.ingest;

import io.trailkeeper.source.boundary.SourceConfinement;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the observations of a Langfuse project page by page through its public API. The checkpoint
 * is the cursor of the page being consumed and how many of its observations are committed
 * ({@link PullPosition}), so a stopped or failed pull resumes where it stood.
 */
@Named
@Dependent
public class LangfuseObservationReader extends AbstractItemReader {

    private final String baseUrl;
    private final String publicKeyProperty;
    private final String secretKeyProperty;
    private final String pageSize;
    private final String fromStartTime;
    private final String maxAttempts;
    private final String initialBackoffMillis;
    private final String maxRetryAfterSeconds;
    private final ImportLimits limits;
    private final LangfusePullSettings settings;
    private final JobContext job;
    private final String runId;
    private final StepContext step;
    private final RunCheckpoint checkpoints;
    private final SourceConfinement confinement;
    private ObservationWalk walk;

    /** Exit statuses are stored by the batch runtime in a bounded column. */
    static final int MAX_EXIT_STATUS = 500;

    @Inject
    public LangfuseObservationReader(@BatchProperty(name = "baseUrl") String baseUrl,
                                     @BatchProperty(name = "publicKeyProperty") String publicKeyProperty,
                                     @BatchProperty(name = "secretKeyProperty") String secretKeyProperty,
                                     @BatchProperty(name = "pageSize") String pageSize,
                                     @BatchProperty(name = "fromStartTime") String fromStartTime,
                                     @BatchProperty(name = "maxAttempts") String maxAttempts,
                                     @BatchProperty(name = "initialBackoffMillis") String initialBackoffMillis,
                                     @BatchProperty(name = "maxRetryAfterSeconds") String maxRetryAfterSeconds,
                                     @BatchProperty(name = RunCheckpoint.RUN_ID) String runId,
                                     ImportLimits limits, LangfusePullSettings settings, JobContext job,
                                     StepContext step, RunCheckpoint checkpoints, SourceConfinement confinement) {
        this.baseUrl = baseUrl;
        this.publicKeyProperty = publicKeyProperty;
        this.secretKeyProperty = secretKeyProperty;
        this.pageSize = pageSize;
        this.fromStartTime = fromStartTime;
        this.maxAttempts = maxAttempts;
        this.initialBackoffMillis = initialBackoffMillis;
        this.maxRetryAfterSeconds = maxRetryAfterSeconds;
        this.limits = limits;
        this.settings = settings;
        this.job = job;
        this.runId = runId;
        this.step = step;
        this.checkpoints = checkpoints;
        this.confinement = confinement;
    }

    @Override
    public void open(Serializable checkpoint) {
        try {
            start(checkpoint);
        } catch (PullFailed | IllegalArgumentException e) {
            throw failed(e);
        }
    }

    @Override
    public Object readItem() {
        try {
            Object observation = walk.next();
            RunCheckpoint.readerAt(step, walk.position());
            return observation;
        } catch (PullFailed e) {
            throw failed(e);
        }
    }

    /**
     * Puts the reason into the job's exit status, where whoever reads the execution (the sources
     * page, an operator) finds it without the server log. The messages are built to hold neither
     * keys nor content.
     */
    private RuntimeException failed(RuntimeException e) {
        String reason = "FAILED: " + e.getMessage();
        job.setExitStatus(reason.length() > MAX_EXIT_STATUS ? reason.substring(0, MAX_EXIT_STATUS - 3) + "..." : reason);
        return e;
    }

    private void start(Serializable checkpoint) {
        URI base;
        try {
            base = URI.create(required("baseUrl", baseUrl).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the job parameter 'baseUrl' is not a URL");
        }
        int size = number("pageSize", pageSize, 100, 1, LangfuseObservationsApi.MAX_PAGE_SIZE);
        PullRetries retries = new PullRetries(
                number("maxAttempts", maxAttempts, PullRetries.DEFAULT_MAX_ATTEMPTS, 1, 20),
                Duration.ofMillis(number("initialBackoffMillis", initialBackoffMillis, PullRetries.DEFAULT_INITIAL_BACKOFF_MILLIS, 0, 600_000)),
                PullRetries.DEFAULT_MAX_BACKOFF,
                Duration.ofSeconds(number("maxRetryAfterSeconds", maxRetryAfterSeconds, PullRetries.DEFAULT_MAX_RETRY_AFTER_SECONDS, 0, 3600)));
        Config config = ConfigProvider.getConfig(LangfuseObservationReader.class.getClassLoader());
        LangfuseCredentials credentials = LangfuseCredentials.resolve(
                name -> config.getOptionalValue(name, String.class), publicKeyProperty, secretKeyProperty);
        LangfuseObservationsApi api = new LangfuseObservationsApi(base, credentials, size, instant("fromStartTime", fromStartTime),
                retries, LangfuseObservationsApi.httpClient(settings.connectTimeout()), settings.requestTimeout(),
                settings.maxPageBytes(), limits.maxLineBytes(), Pause.SLEEP, Clock.systemUTC());
        Serializable resumeFrom = checkpoints.readerResumesFrom(runId, checkpoint);
        PullPosition from = resumeFrom instanceof PullPosition position ? position : PullPosition.start();
        walk = new ObservationWalk(cursor -> {
            allowedDestination(base);
            return api.fetch(cursor);
        }, from);
    }

    /** Judged before every page, since DNS and the administrator's allowance can change during a long pull. */
    private void allowedDestination(URI base) {
        confinement.destinationRefusal(base).ifPresent(refusal -> {
            throw new PullFailed("nothing was requested: " + refusal);
        });
    }

    @Override
    public Serializable checkpointInfo() {
        return walk.position();
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the job parameter '" + name + "' is missing");
        }
        return value;
    }

    static long number(String name, String value, long byDefault, long min, long max) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the job parameter '" + name + "' must be a whole number from " + min + " to " + max);
    }

    static int number(String name, String value, int byDefault, int min, int max) {
        return (int) number(name, value, (long) byDefault, min, max);
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the job parameter '" + name + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
