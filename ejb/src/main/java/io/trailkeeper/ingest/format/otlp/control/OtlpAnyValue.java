package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts OTLP attribute lists ({@code [{"key": ..., "value": AnyValue}]}) and {@code AnyValue}s
 * (opentelemetry-proto, common/v1/common.proto) into the plain JSON an officer reads in the
 * content: a string, boolean or number as itself, an {@code arrayValue} as an array, a
 * {@code kvlistValue} as an object, {@code bytesValue} as its base64 text, an empty AnyValue as
 * null.
 *
 * <p>{@code intValue} is an int64, which the proto3 JSON mapping writes as a decimal string and
 * also accepts as a number. It becomes a JSON number only within JavaScript's safe integer range;
 * beyond that it stays a string, because the content is read by tools that parse numbers as
 * doubles and would silently change the last digits of, say, an account number.
 *
 * <p>Malformed values are rejected rather than guessed, naming the attribute but not its value.
 * Duplicate keys, which the OpenTelemetry specification forbids, resolve as in
 * {@link io.trailkeeper.ingest.format.json.control.JsonLineDecoder}: the last value wins at the place of the first.
 */
final class OtlpAnyValue {

    /** Largest integer that a double, and so every JavaScript reader, represents exactly: 2^53 - 1. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final Pattern INT64 = Pattern.compile("-?[0-9]{1,19}");

    /**
     * A finite double written as text, which proto3 JSON permits for double fields. Bounded so
     * that no hostile digit string reaches BigDecimal's quadratic parsing.
     */
    private static final Pattern DECIMAL = Pattern.compile("-?(?:0|[1-9][0-9]{0,39})(?:\\.[0-9]{1,40})?(?:[eE][+-]?[0-9]{1,4})?");

    private static final List<String> KINDS = List.of(
            "stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue");

    private final JsonProvider json;

    OtlpAnyValue(JsonProvider json) {
        this.json = json;
    }

    /**
     * @param owner the message holding the list
     * @param field the list's field, usually {@code attributes}
     * @param label what the list's entries are called in reasons, e.g. "resource attribute"
     * @return the attributes as plain JSON, in source order
     */
    Map<String, JsonValue> attributes(OtlpMessage owner, String field, String label) {
        List<JsonValue> entries = owner.repeated(field);
        Map<String, JsonValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = owner.child(field) + "[" + i + "]";
            if (entries.get(i).getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            OtlpMessage entry = OtlpMessage.of(entries.get(i), path);
            String key = entry.string("key");
            if (key == null) {
                throw new InvalidRecordException("field '" + path + "' has no key");
            }
            attributes.put(key, value(entry.get("value"), label + " " + InvalidRecordException.excerpt(key)));
        }
        return attributes;
    }

    /**
     * @param value an AnyValue, or null when absent
     * @param what the attribute the value belongs to, for reasons
     */
    JsonValue value(JsonValue value, String what) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRecordException(what + " must have an AnyValue object as value, but has "
                    + RecordFields.describe(value));
        }
        OtlpMessage any = new OtlpMessage(value.asJsonObject(), "");
        List<String> present = new ArrayList<>(1);
        for (String kind : KINDS) {
            if (any.has(kind)) {
                present.add(kind);
            }
        }
        if (present.isEmpty()) {
            // The AnyValue message allows no value at all; it means the attribute is set but empty.
            return JsonValue.NULL;
        }
        if (present.size() > 1) {
            throw new InvalidRecordException(what + " has more than one value (" + String.join(", ", present) + ")");
        }
        String kind = present.get(0);
        JsonValue content = any.get(kind);
        return switch (kind) {
            case "stringValue" -> expect(content, JsonValue.ValueType.STRING, what, kind);
            case "boolValue" -> {
                if (content.getValueType() != JsonValue.ValueType.TRUE && content.getValueType() != JsonValue.ValueType.FALSE) {
                    throw invalid(what, kind);
                }
                yield content;
            }
            case "intValue" -> int64(content, what);
            case "doubleValue" -> decimal(content, what);
            case "bytesValue" -> base64(content, what);
            case "arrayValue" -> array(content, what);
            default -> kvlist(content, what);
        };
    }

    private JsonValue int64(JsonValue content, String what) {
        Long number = switch (content.getValueType()) {
            case NUMBER -> WholeNumber.exactLong(((JsonNumber) content).bigDecimalValue());
            case STRING -> parseInt64(((JsonString) content).getString());
            default -> null;
        };
        if (number == null) {
            throw new InvalidRecordException(what + " has an intValue that is not a 64-bit integer");
        }
        // Not Math.abs: it is negative for Long.MIN_VALUE.
        boolean safe = number >= -MAX_SAFE_INTEGER && number <= MAX_SAFE_INTEGER;
        return safe ? json.createValue(number) : json.createValue(number.toString());
    }

    private static Long parseInt64(String text) {
        if (!INT64.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonValue decimal(JsonValue content, String what) {
        if (content.getValueType() == JsonValue.ValueType.NUMBER) {
            // Kept as written: no arithmetic, so even 1e999999999 costs nothing and loses nothing.
            return content;
        }
        if (content.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) content).getString();
            // proto3 JSON writes the non-finite doubles as these strings; JSON has no numbers for them.
            if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                return content;
            }
            if (DECIMAL.matcher(text).matches()) {
                return json.createValue(new BigDecimal(text));
            }
        }
        throw new InvalidRecordException(what + " has a doubleValue that is not a number");
    }

    private static JsonValue base64(JsonValue content, String what) {
        if (content.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) content).getString();
            // proto3 JSON accepts standard and URL-safe base64, with or without padding.
            if (decodes(Base64.getDecoder(), text) || decodes(Base64.getUrlDecoder(), text)) {
                return content;
            }
        }
        throw new InvalidRecordException(what + " has a bytesValue that is not base64");
    }

    private static boolean decodes(Base64.Decoder decoder, String text) {
        try {
            decoder.decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonValue array(JsonValue content, String what) {
        if (content.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(what, "arrayValue");
        }
        OtlpMessage array = new OtlpMessage(content.asJsonObject(), "");
        JsonArrayBuilder values = json.createArrayBuilder();
        for (JsonValue element : elements(array, what, "arrayValue")) {
            values.add(value(element, what));
        }
        return values.build();
    }

    private JsonValue kvlist(JsonValue content, String what) {
        if (content.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(what, "kvlistValue");
        }
        OtlpMessage list = new OtlpMessage(content.asJsonObject(), "");
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (JsonValue element : elements(list, what, "kvlistValue")) {
            if (element.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(what, "kvlistValue");
            }
            OtlpMessage entry = new OtlpMessage(element.asJsonObject(), "");
            JsonValue key = entry.get("key");
            if (key == null || key.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidRecordException(what + " has a kvlistValue entry without a string key");
            }
            members.put(((JsonString) key).getString(), value(entry.get("value"), what));
        }
        JsonObjectBuilder object = json.createObjectBuilder();
        members.forEach(object::add);
        return object.build();
    }

    private static List<JsonValue> elements(OtlpMessage list, String what, String kind) {
        JsonValue values = list.get("values");
        if (values == null) {
            return List.of();
        }
        if (values.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(what, kind);
        }
        return values.asJsonArray();
    }

    private static JsonValue expect(JsonValue content, JsonValue.ValueType type, String what, String kind) {
        if (content.getValueType() != type) {
            throw invalid(what, kind);
        }
        return content;
    }

    private static InvalidRecordException invalid(String what, String kind) {
        return new InvalidRecordException(what + " has a malformed " + kind);
    }
}
