package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.TimestampField;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Reads OTLP timestamps: nanoseconds since the Unix epoch in a {@code fixed64} field, which the
 * proto3 JSON mapping writes as a decimal string and also accepts as a JSON number (OTLP
 * specification, "JSON Protobuf Encoding"). Zero is the field's default and means "not set".
 *
 * <p>The start of a span becomes the event's time under the same plausibility rules as the
 * agent-action format ({@link TimestampField}), so both formats refuse the same unit and clock
 * errors.
 */
final class OtlpTime {

    private static final Pattern UINT64 = Pattern.compile("[0-9]{1,20}");
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long EARLIEST_SECOND = TimestampField.EARLIEST.getEpochSecond();

    private final Clock clock;

    OtlpTime(Clock clock) {
        this.clock = clock;
    }

    /** @return the nanoseconds in {@code field}, or null when it is absent or zero */
    static Long nanos(OtlpMessage message, String field) {
        JsonValue value = message.get(field);
        if (value == null) {
            return null;
        }
        Long nanos = switch (value.getValueType()) {
            case NUMBER -> WholeNumber.exactLong(((JsonNumber) value).bigDecimalValue());
            case STRING -> unsigned(message, field, ((JsonString) value).getString());
            default -> null;
        };
        if (nanos == null || nanos < 0) {
            throw new InvalidRecordException("field " + message.name(field)
                    + " must be nanoseconds since the epoch as a decimal string or a whole number");
        }
        return nanos == 0 ? null : nanos;
    }

    private static Long unsigned(OtlpMessage message, String field, String text) {
        if (!UINT64.matcher(text).matches()) {
            return null;
        }
        long value;
        try {
            value = Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
        if (value < 0) {
            // A valid fixed64 above 2^63 - 1: the year 2262 or later, a clock error, not a time.
            throw new InvalidRecordException("field " + message.name(field) + " lies after the year 2262");
        }
        return value;
    }

    /** @return the start of the span in UTC milliseconds; rejects a missing or implausible start */
    Instant occurredAt(Long startNanos) {
        if (startNanos == null) {
            throw new InvalidRecordException("span has no startTimeUnixNano");
        }
        Instant start = instant(startNanos);
        Instant now = clock.instant();
        if (start.isBefore(TimestampField.EARLIEST)) {
            throw new InvalidRecordException("startTimeUnixNano " + startNanos + " is before 2000-01-01" + unitHint(startNanos, now));
        }
        if (start.isAfter(now.plus(TimestampField.FUTURE_TOLERANCE))) {
            throw new InvalidRecordException("startTimeUnixNano " + start + " is more than 1 day in the future (the server's clock reads "
                    + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        return start.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A value too small for nanoseconds but plausible in a coarser unit is that unit's mistake;
     * naming the unit saves a person from working it out.
     */
    private String unitHint(long value, Instant now) {
        long latestSecond = now.plus(TimestampField.FUTURE_TOLERANCE).getEpochSecond();
        String unit = plausible(value, 1_000_000, latestSecond) ? "microseconds"
                : plausible(value, 1_000, latestSecond) ? "milliseconds"
                : plausible(value, 1, latestSecond) ? "seconds"
                : null;
        return unit == null ? "" : "; it looks like epoch " + unit + ", but OTLP times are nanoseconds";
    }

    private static boolean plausible(long value, long perSecond, long latestSecond) {
        long second = value / perSecond;
        return second >= EARLIEST_SECOND && second <= latestSecond;
    }

    /**
     * @return the span's duration in milliseconds, half a millisecond rounded up; null when the end
     *     is not set. Rejects an end before the start, which no clock produces for one span.
     */
    static Long latencyMs(long startNanos, Long endNanos) {
        if (endNanos == null) {
            return null;
        }
        if (endNanos < startNanos) {
            throw new InvalidRecordException("span ends before it starts (endTimeUnixNano is earlier than startTimeUnixNano)");
        }
        // Both are non-negative longs, so neither the difference nor the rounding can overflow.
        long nanos = endNanos - startNanos;
        return nanos / NANOS_PER_MILLI + (nanos % NANOS_PER_MILLI >= NANOS_PER_MILLI / 2 ? 1 : 0);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
