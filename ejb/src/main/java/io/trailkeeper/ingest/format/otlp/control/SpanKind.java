package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Names a span's kind (opentelemetry-proto, trace/v1/trace.proto, {@code SpanKind}) for the
 * content. OTLP/JSON writes the enum as an integer, which means nothing to an officer; the name
 * does. The enum names of protobuf's generic JSON mapping are accepted as well.
 */
final class SpanKind {

    /** Indexed by the enum's number; UNSPECIFIED (0) says nothing and is left out of the content. */
    private static final List<String> NAMES = List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER");
    private static final String PREFIX = "SPAN_KIND_";

    private SpanKind() {
    }

    /** @return the kind's name; a number the enum does not know yet as that number; null when unspecified */
    static JsonValue read(OtlpMessage span, JsonProvider json) {
        JsonValue value = span.get("kind");
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            Long number = WholeNumber.exactLong(((JsonNumber) value).bigDecimalValue());
            if (number != null && number >= 0) {
                if (number == 0) {
                    return null;
                }
                // proto3 enums are open: a newer sender may use a value this reader does not know.
                return number < NAMES.size() ? json.createValue(NAMES.get(number.intValue())) : json.createValue(number);
            }
        } else if (value.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) value).getString();
            int index = text.startsWith(PREFIX) ? NAMES.indexOf(text.substring(PREFIX.length())) : -1;
            if (index == 0) {
                return null;
            }
            if (index > 0) {
                return json.createValue(NAMES.get(index));
            }
        }
        throw new InvalidRecordException("field " + span.name("kind") + " must be a span kind number such as 1 (internal) or 3 (client)");
    }
}
