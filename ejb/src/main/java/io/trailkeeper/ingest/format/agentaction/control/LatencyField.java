package io.trailkeeper.ingest.format.agentaction.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long an action took. Agents report it as milliseconds or as human-readable text
 * such as {@code "850ms"} or {@code "1.2s"}; a bare number means milliseconds because that is
 * what {@code latency_ms} and most tracing libraries use.
 */
final class LatencyField {

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,18}(?:\\.[0-9]{1,9})?)\\s*(ms|s)?");
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

    private LatencyField() {
    }

    static Long read(RecordFields fields, RecordFields.Member member) {
        BigDecimal millis = switch (member.value().getValueType()) {
            case NUMBER -> ((JsonNumber) member.value()).bigDecimalValue();
            case STRING -> parse(fields, member, ((JsonString) member.value()).getString());
            default -> throw fields.wrongType(member, "a number of milliseconds or a duration such as \"850ms\" or \"1.2s\"");
        };
        if (millis.signum() < 0) {
            throw new InvalidRecordException("field " + fields.name(member) + " must not be negative");
        }
        if (!WholeNumber.fitsLong(millis)) {
            throw new InvalidRecordException("field " + fields.name(member) + " is too large to be a latency");
        }
        fields.use(member);
        if (millis.precision() - millis.scale() < 0) {
            // Below 0.1 ms it rounds to 0 whatever the digits; no need to rescale 1e-999999999.
            return 0L;
        }
        if (!WholeNumber.withinDigitBudget(millis)) {
            throw new InvalidRecordException("field " + fields.name(member) + " has more digits than a latency can have");
        }
        return millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal parse(RecordFields fields, RecordFields.Member member, String text) {
        Matcher duration = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!duration.matches()) {
            throw new InvalidRecordException("field " + fields.name(member) + " value " + InvalidRecordException.excerpt(text)
                    + " is not a duration; expected milliseconds or a string such as \"850ms\" or \"1.2s\"");
        }
        BigDecimal amount = new BigDecimal(duration.group(1));
        return "s".equals(duration.group(2)) ? amount.multiply(MILLIS_PER_SECOND) : amount;
    }
}
