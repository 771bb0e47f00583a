package io.trailkeeper.ingest.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Reads when an event occurred: an ISO-8601 date-time that names its offset or zone, or epoch
 * milliseconds. A local time without zone is refused rather than guessed, because guessing the
 * zone of evidence shifts events by hours and nobody would notice.
 */
final class TimestampField {

    /** Older events predate AI agents writing audit trails; such values are unit or clock errors. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Tolerance for agents whose clocks run ahead; more than this is a wrong clock, not drift. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** An epoch value in this range is almost certainly seconds, which deserves its own hint. */
    private static final long EARLIEST_EPOCH_SECOND = EARLIEST.getEpochSecond();

    // Accepts 2026-02-18T05:34:00Z, +01:00, +0100, +01, fractions, and [Europe/Paris]; the offset
    // and zone are optional here only so that a missing zone can be told apart from garbage.
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    TimestampField(Clock clock) {
        this.clock = clock;
    }

    Instant read(RecordFields fields, RecordFields.Member member) {
        Instant instant = switch (member.value().getValueType()) {
            case STRING -> parseIso(((JsonString) member.value()).getString());
            case NUMBER -> fromEpochMillis((JsonNumber) member.value());
            default -> throw fields.wrongType(member, "an ISO-8601 date-time string or epoch milliseconds");
        };
        checkPlausible(instant);
        fields.use(member);
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant parseIso(String raw) {
        String text = raw.strip();
        // RFC 3339 and many loggers write a space or lowercase t between date and time.
        if (text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 't')) {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        TemporalAccessor parsed;
        try {
            parsed = ISO.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidRecordException("timestamp " + InvalidRecordException.excerpt(raw)
                    + " is not an ISO-8601 date-time; expected e.g. 2026-02-18T05:34:00Z or epoch milliseconds");
        }
        if (parsed.query(TemporalQueries.zone()) == null) {
            throw new InvalidRecordException("timestamp " + InvalidRecordException.excerpt(raw)
                    + " has no time zone; expected ISO-8601 with Z or an offset");
        }
        return Instant.from(parsed);
    }

    private static Instant fromEpochMillis(JsonNumber number) {
        Long millis = WholeNumber.exactLong(number.bigDecimalValue());
        if (millis == null) {
            throw new InvalidRecordException("timestamp " + InvalidRecordException.excerpt(number.toString())
                    + " is not a whole number of epoch milliseconds");
        }
        if (millis >= EARLIEST_EPOCH_SECOND && millis < EARLIEST.toEpochMilli()) {
            throw new InvalidRecordException("timestamp " + millis
                    + " is before 2000-01-01 as epoch milliseconds; it looks like epoch seconds, but milliseconds are expected");
        }
        return Instant.ofEpochMilli(millis);
    }

    private void checkPlausible(Instant instant) {
        if (instant.isBefore(EARLIEST)) {
            throw new InvalidRecordException("timestamp " + instant + " is before 2000-01-01");
        }
        Instant now = clock.instant();
        if (instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidRecordException("timestamp " + instant
                    + " is more than 1 day in the future (the server's clock reads " + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
    }
}
