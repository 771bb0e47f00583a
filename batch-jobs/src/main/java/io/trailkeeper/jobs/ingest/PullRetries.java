package io.trailkeeper.jobs.ingest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How hard a pull tries one page before it gives up: at most {@code maxAttempts} requests; after a
 * server error or a broken connection it waits {@code initialBackoff}, doubling each time up to
 * {@code maxBackoff}; after 429 it waits what the server's Retry-After asks (RFC 9110, section 10.2.3:
 * seconds or an HTTP date), at most {@code maxRetryAfter}, so a hostile or confused server cannot
 * park the job for days.
 */
public record PullRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 1000;
    public static final long DEFAULT_MAX_RETRY_AFTER_SECONDS = 120;
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

    public PullRetries {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 20, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }

    public static PullRetries defaults() {
        return new PullRetries(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(DEFAULT_INITIAL_BACKOFF_MILLIS),
                DEFAULT_MAX_BACKOFF, Duration.ofSeconds(DEFAULT_MAX_RETRY_AFTER_SECONDS));
    }

    /** @param failedAttempts how many attempts failed so far, 1 or more */
    public Duration backoff(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * @return the wait a 429 asks for, capped; empty when the header is absent or unreadable (the
     *     caller then backs off as after a server error)
     */
    public Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        Duration wait;
        if (value.matches("[0-9]{1,12}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        return Optional.of(wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait);
    }
}
