package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.EmbeddedJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a span's events, setting apart the chat messages that the older GenAI conventions record
 * as one event per message.
 *
 * <p>The older conventions (gen-ai-events.md up to v1.36.0) define the events
 * {@code gen_ai.system.message}, {@code gen_ai.user.message}, {@code gen_ai.assistant.message},
 * {@code gen_ai.tool.message} and {@code gen_ai.choice}; before them came
 * {@code gen_ai.content.prompt} and {@code gen_ai.content.completion} with the attributes
 * {@code gen_ai.prompt} and {@code gen_ai.completion}. Those are log events with a structured body,
 * but instrumentations that attach them to the span have only attributes, so the body arrives
 * either as attributes ({@code content}, {@code role}, ...) or as one JSON string (Azure's
 * {@code gen_ai.event.content}, the old {@code gen_ai.prompt}). In a message event every string attribute
 * holding a JSON object or array is therefore parsed; other events are kept exactly as sent.
 */
final class SpanEvents {

    private static final Set<String> MESSAGE_EVENTS = Set.of(
            "gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message", "gen_ai.tool.message",
            "gen_ai.choice", "gen_ai.content.prompt", "gen_ai.content.completion");

    /** The span's events as content, each {@code {"name", "time", "attributes"}}, in source order. */
    record Split(JsonValue messages, JsonValue others) {
    }

    private final JsonProvider json;
    private final OtlpAnyValue anyValues;
    private final EmbeddedJson embedded;

    SpanEvents(JsonProvider json, OtlpAnyValue anyValues, EmbeddedJson embedded) {
        this.json = json;
        this.anyValues = anyValues;
        this.embedded = embedded;
    }

    /** @return the message events and the other events, each null when there are none */
    Split read(OtlpMessage span) {
        List<JsonValue> events = span.repeated("events");
        JsonArrayBuilder messages = json.createArrayBuilder();
        JsonArrayBuilder others = json.createArrayBuilder();
        int messageCount = 0;
        int otherCount = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            OtlpMessage event = OtlpMessage.of(events.get(i), span.child("events") + "[" + i + "]");
            String name = event.string("name");
            boolean message = name != null && MESSAGE_EVENTS.contains(name);
            JsonValue converted = convert(event, name, message);
            if (message) {
                messages.add(converted);
                messageCount++;
            } else {
                others.add(converted);
                otherCount++;
            }
        }
        return new Split(messageCount == 0 ? null : messages.build(), otherCount == 0 ? null : others.build());
    }

    private JsonValue convert(OtlpMessage event, String name, boolean message) {
        JsonObjectBuilder converted = json.createObjectBuilder();
        if (name != null) {
            converted.add("name", name);
        }
        Long time = OtlpTime.nanos(event, "timeUnixNano");
        if (time != null) {
            // ISO-8601 with every digit of the nanoseconds: readable, and nothing rounded away.
            converted.add("time", OtlpTime.instant(time).toString());
        }
        Map<String, JsonValue> attributes = anyValues.attributes(event, "attributes", "event attribute");
        if (!attributes.isEmpty()) {
            JsonObjectBuilder values = json.createObjectBuilder();
            attributes.forEach((key, value) -> values.add(key, message ? embedded.expand(value) : value));
            converted.add("attributes", values);
        }
        JsonValue dropped = event.nonZero("droppedAttributesCount");
        if (dropped != null) {
            converted.add("dropped_attributes_count", dropped);
        }
        return converted.build();
    }
}
