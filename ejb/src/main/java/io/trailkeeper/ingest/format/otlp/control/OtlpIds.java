package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import jakarta.json.JsonValue;
import java.util.Locale;

/**
 * Reads span identifiers. The OTLP specification (opentelemetry-proto, docs/specification.md,
 * "JSON Protobuf Encoding") writes {@code traceId} and {@code spanId} as case-insensitive hex
 * strings, deviating from protobuf's base64 for bytes; the W3C Trace Context, which the ids follow,
 * makes an all-zero id invalid. Ids are lower-cased so that the same span read from two exporters
 * gets the same event id and is stored once.
 */
final class OtlpIds {

    static final int TRACE_ID_DIGITS = 32;
    static final int SPAN_ID_DIGITS = 16;

    private OtlpIds() {
    }

    static String traceId(OtlpMessage span) {
        return required(span, "traceId", TRACE_ID_DIGITS);
    }

    static String spanId(OtlpMessage span) {
        return required(span, "spanId", SPAN_ID_DIGITS);
    }

    /** @return the parent's span id, or null for a root span (no parent, empty, or all zeros) */
    static String parentSpanId(OtlpMessage span) {
        String text = span.string("parentSpanId");
        if (text == null || text.isEmpty()) {
            return null;
        }
        String id = hex(span, "parentSpanId", text, SPAN_ID_DIGITS);
        // Some exporters write zeros rather than nothing for a root span.
        return isAllZeros(id) ? null : id;
    }

    /** @return "traceId/spanId" when both ids of the span are valid, else null */
    static String reference(JsonValue span) {
        if (span.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        OtlpMessage message = new OtlpMessage(span.asJsonObject(), "");
        try {
            return traceId(message) + "/" + spanId(message);
        } catch (InvalidRecordException e) {
            return null;
        }
    }

    private static String required(OtlpMessage span, String field, int digits) {
        String text = span.string(field);
        if (text == null || text.isEmpty()) {
            throw new InvalidRecordException("span has no " + field);
        }
        String id = hex(span, field, text, digits);
        if (isAllZeros(id)) {
            throw new InvalidRecordException("field " + span.name(field) + " is all zeros, which is not a valid id");
        }
        return id;
    }

    private static String hex(OtlpMessage span, String field, String text, int digits) {
        if (text.length() != digits || !isHex(text)) {
            // A 16-byte id in base64 is 24 characters: the mistake of exporters that use protobuf's
            // generic JSON mapping. Saying so saves the reader from decoding the id by hand.
            boolean base64Length = text.length() == (digits / 2 + 2) / 3 * 4;
            throw new InvalidRecordException("field " + span.name(field) + " must be " + digits + " hexadecimal digits"
                    + (base64Length ? " (OTLP/JSON writes ids in hex, not base64)" : ""));
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllZeros(String id) {
        return id.chars().allMatch(c -> c == '0');
    }
}
