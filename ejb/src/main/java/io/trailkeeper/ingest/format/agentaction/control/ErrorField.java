package io.trailkeeper.ingest.format.agentaction.control;

import io.trailkeeper.ingest.format.json.control.CompactJson;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Reads what went wrong. Agents report errors as text or as objects such as
 * {@code {"type": "Timeout", "message": "upstream took 30s", "retry": 2}}; the column gets
 * {@code "Timeout: upstream took 30s"}, which is what an officer scans for, and an object with
 * more than a type and a message is also kept whole as content so the details are not lost.
 */
final class ErrorField {

    private static final Set<String> SUMMARIZED = Set.of("message", "type");

    private final CompactJson json;

    ErrorField(CompactJson json) {
        this.json = json;
    }

    String read(RecordFields fields, RecordFields.Member member, int maxLength) {
        JsonValue value = member.value();
        return switch (value.getValueType()) {
            // "error": false is a common way of saying there was none.
            case FALSE -> {
                fields.use(member);
                yield null;
            }
            case OBJECT -> summarize(fields, member, (JsonObject) value, maxLength);
            case ARRAY -> throw fields.wrongType(member, "a string or an object");
            default -> {
                String text = fields.text(member, maxLength);
                yield text.isBlank() ? null : text;
            }
        };
    }

    private String summarize(RecordFields fields, RecordFields.Member member, JsonObject error, int maxLength) {
        String message = scalarText(error.get("message"));
        String type = scalarText(error.get("type"));
        String summary;
        if (message == null && type == null) {
            // Nothing recognizable to summarize: the whole object is the best description.
            summary = json.writeValue(error);
        } else {
            summary = type == null ? message : message == null ? type : type + ": " + message;
        }
        fields.checkText(member, summary, maxLength);
        boolean summaryIsComplete = (message == null && type == null)
                || error.entrySet().stream().allMatch(e -> SUMMARIZED.contains(e.getKey()) && scalarText(e.getValue()) != null);
        if (summaryIsComplete) {
            fields.use(member);
        }
        return summary;
    }

    private static String scalarText(JsonValue value) {
        if (value == null) {
            return null;
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> null;
        };
        return text == null || text.isBlank() ? null : text;
    }
}
