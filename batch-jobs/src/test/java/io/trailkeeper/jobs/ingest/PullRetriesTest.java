package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullRetriesTest {

    final PullRetries retries = new PullRetries(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(120));
    final Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void backoffDoublesUpToItsCap() {
        assertEquals(Duration.ofSeconds(1), retries.backoff(1));
        assertEquals(Duration.ofSeconds(2), retries.backoff(2));
        assertEquals(Duration.ofSeconds(8), retries.backoff(4));
        assertEquals(Duration.ofSeconds(10), retries.backoff(5));
        assertEquals(Duration.ofSeconds(10), retries.backoff(1000), "no overflow however many attempts");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndCapped() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), retries.retryAfter("7", now));
        assertEquals(Optional.of(Duration.ofSeconds(90)), retries.retryAfter("Sat, 21 Nov 2026 12:01:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), retries.retryAfter("Sat, 21 Nov 2026 11:00:00 GMT", now), "a date in the past: at once");
        assertEquals(Optional.of(Duration.ofSeconds(120)), retries.retryAfter("86400", now), "capped");
        assertEquals(Optional.empty(), retries.retryAfter("soon", now));
        assertEquals(Optional.empty(), retries.retryAfter(null, now));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PullRetries(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PullRetries(3, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO));
    }
}
