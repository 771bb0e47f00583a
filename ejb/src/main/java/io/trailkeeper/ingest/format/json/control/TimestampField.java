package io.trailkeeper.ingest.format.json.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
public final class TimestampField {

    /** Older events predate AI agents writing audit trails; such values are unit or clock errors. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Tolerance for agents whose clocks run ahead; more than this is a wrong clock, not drift. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

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

    public TimestampField(Clock clock) {
        this.clock = clock;
    }

    public Instant read(RecordFields fields, RecordFields.Member member) {
        Instant instant = switch (member.value().getValueType()) {
            case STRING -> parseIso(((JsonString) member.value()).getString());
            case NUMBER -> fromEpochMillis((JsonNumber) member.value());
            default -> throw fields.wrongType(member, "an ISO-8601 date-time string or epoch milliseconds");
        };
        checkPlausible(instant);
        fields.use(member);
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Instant parseIso(String raw) {
        Instant common = commonForm(raw);
        return common != null ? common : parseAnyIso(raw);
    }

    /**
     * The form nearly every agent writes, {@code 2026-02-18T05:34:00.123Z} or with {@code +01:00},
     * read without the general formatter, which costs a few microseconds per event. Anything else,
     * including every value that is not a valid date-time, returns null and goes the general way,
     * so both ways accept and refuse exactly the same texts.
     */
    public static Instant commonForm(String text) {
        int length = text.length();
        if (length < 20 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 2) || text.charAt(7) != '-'
                || !digits(text, 8, 2) || text.charAt(10) != 'T' || !digits(text, 11, 2) || text.charAt(13) != ':'
                || !digits(text, 14, 2) || text.charAt(16) != ':' || !digits(text, 17, 2)) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            int fractionDigits = at - start;
            if (fractionDigits == 0 || (at < length && isDigit(text.charAt(at)))) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && digits(text, at + 1, 2)
                && text.charAt(at + 3) == ':' && digits(text, at + 4, 2)) {
            int hours = number(text, at + 1, 2);
            int minutes = number(text, at + 4, 2);
            if (hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (text.charAt(at) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                    number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), nanos);
            return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException notADateTime) {
            return null;
        }
    }

    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    public static Instant parseAnyIso(String raw) {
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
