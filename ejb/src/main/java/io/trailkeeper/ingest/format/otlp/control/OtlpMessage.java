package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One protobuf message of an OTLP/JSON payload (a request, a span, a status, ...), read field by
 * field under the rules of the proto3 JSON mapping that the OTLP specification builds on
 * (opentelemetry-proto, docs/specification.md, "JSON Protobuf Encoding"): a JSON {@code null} is
 * the field's default, that is absent, and a repeated field may be left out when empty.
 *
 * <p>Fields this reader does not know are ignored, as the specification requires of receivers.
 * Reasons name a field by its path in the line, such as {@code 'resourceSpans[1].scopeSpans'}, so
 * that a person can find it; they never quote values.
 */
final class OtlpMessage {

    private final Map<String, JsonValue> members;
    private final String path;

    /**
     * @param members the message's JSON object
     * @param path where the message sits in the line, e.g. {@code resourceSpans[0]}; empty for a
     *     span, whose position is already told by its record
     */
    OtlpMessage(Map<String, JsonValue> members, String path) {
        this.members = members;
        this.path = path;
    }

    /** @return the message at {@code path}; rejects anything that is not an object */
    static OtlpMessage of(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRecordException("field '" + path + "' must be an object, but is " + RecordFields.describe(value));
        }
        return new OtlpMessage((JsonObject) value, path);
    }

    /** @return the field's value, or null when it is absent or JSON null */
    JsonValue get(String field) {
        JsonValue value = members.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    /** @return the elements of a repeated field; empty when absent */
    List<JsonValue> repeated(String field) {
        JsonValue value = get(field);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(field, "an array", value);
        }
        return value.asJsonArray();
    }

    /** @return the nested message, or null when absent */
    OtlpMessage message(String field) {
        JsonValue value = get(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(field, "an object", value);
        }
        return new OtlpMessage((JsonObject) value, child(field));
    }

    /** @return the string field, or null when absent */
    String string(String field) {
        JsonValue value = get(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(field, "a string", value);
        }
        return ((JsonString) value).getString();
    }

    /** @return whether the message has no field with a non-null value */
    boolean isEmpty() {
        return members.values().stream().allMatch(value -> value.getValueType() == JsonValue.ValueType.NULL);
    }

    /**
     * @return the field's value unless it is absent or the number zero. For the counts of dropped
     *     attributes, events and links, which only matter, as a sign of incomplete evidence, when
     *     the sender had to drop something.
     */
    JsonValue nonZero(String field) {
        JsonValue value = get(field);
        boolean zero = value != null && value.getValueType() == JsonValue.ValueType.NUMBER
                && ((JsonNumber) value).bigDecimalValue().signum() == 0;
        return zero ? null : value;
    }

    boolean has(String field) {
        return get(field) != null;
    }

    /** @return the path of a field of this message, e.g. {@code resourceSpans[0].scopeSpans} */
    String child(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** @return the field's name as a person finds it in the line, quoted */
    String name(String field) {
        return "'" + child(field) + "'";
    }

    InvalidRecordException wrongType(String field, String expected, JsonValue actual) {
        return new InvalidRecordException("field " + name(field) + " must be " + expected + ", but is " + RecordFields.describe(actual));
    }

}
