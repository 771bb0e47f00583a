package io.trailkeeper.web.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A time range given by a person or a client: ISO-8601 instants ({@code 2026-11-01T08:00:00Z}) or
 * plain dates, read as midnight UTC. {@code from} is inclusive, {@code to} exclusive, so the period
 * {@code 2026-11-01 .. 2026-11-02} is exactly the 1st of November.
 */
public record Period(Instant from, Instant to) {

    public Period {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    /** The last {@code days} days including today, in UTC. */
    public static Period lastDays(int days, Clock clock) {
        Instant to = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Period(to.minus(days, ChronoUnit.DAYS), to);
    }

    /** Both ends required, defaulting to {@link #lastDays(int, Clock)} when both are absent. */
    public static Period parseOrLastDays(String from, String to, int days, Clock clock) {
        if (isBlank(from) && isBlank(to)) {
            return lastDays(days, clock);
        }
        if (isBlank(from) || isBlank(to)) {
            throw new IllegalArgumentException("give both 'from' and 'to', or neither for the last " + days + " days");
        }
        return new Period(parse("from", from), parse("to", to));
    }

    public static Instant parse(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z or a date such as 2026-11-01");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
