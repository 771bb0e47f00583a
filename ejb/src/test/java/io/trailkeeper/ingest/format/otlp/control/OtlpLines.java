package io.trailkeeper.ingest.format.otlp.control;

import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds OTLP/JSON lines for tests: one valid GenAI chat span under a resource whose
 * {@code service.name} is the agent, changed field by field by each test.
 */
final class OtlpLines {

    /** Looked up once: {@code Json.createReader} and friends scan the class path on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant START = Instant.parse("2026-11-20T10:00:00.123456789Z");
    static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
    static final String SPAN_ID = "eee19b7ec3c1b174";

    private OtlpLines() {
    }

    /** @return the text as a JSON string literal */
    static String q(String text) {
        return JSON.createValue(text).toString();
    }

    /** @return the instant as OTLP writes it: nanoseconds since the epoch in a JSON string */
    static String nanos(Instant instant) {
        return q(Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano()));
    }

    static String str(String value) {
        return "{\"stringValue\":" + q(value) + "}";
    }

    /** @param value the intValue as OTLP writes it, a decimal string */
    static String integer(String value) {
        return "{\"intValue\":" + q(value) + "}";
    }

    static String kv(String key, String anyValue) {
        return "{\"key\":" + q(key) + ",\"value\":" + anyValue + "}";
    }

    static Span span() {
        return new Span();
    }

    static Line line(Span... spans) {
        Line line = new Line();
        for (Span span : spans) {
            line.span(span);
        }
        return line;
    }

    static final class Span {

        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        Span() {
            field("traceId", q(TRACE_ID));
            field("spanId", q(SPAN_ID));
            field("name", q("chat gpt-4o"));
            field("kind", "3");
            field("startTimeUnixNano", nanos(START));
            field("endTimeUnixNano", nanos(START.plusMillis(1500)));
            attribute("gen_ai.operation.name", str("chat"));
        }

        /** Sets a field of the span to raw JSON. */
        Span field(String name, String json) {
            fields.put(name, json);
            return this;
        }

        Span without(String field) {
            fields.remove(field);
            return this;
        }

        Span attribute(String key, String anyValue) {
            attributes.put(key, anyValue);
            return this;
        }

        Span text(String key, String value) {
            return attribute(key, str(value));
        }

        Span withoutAttribute(String key) {
            attributes.remove(key);
            return this;
        }

        Span spanId(String id) {
            return field("spanId", q(id));
        }

        String json() {
            StringBuilder json = new StringBuilder("{");
            fields.forEach((name, value) -> json.append(q(name)).append(':').append(value).append(','));
            json.append("\"attributes\":[");
            List<String> entries = new ArrayList<>();
            attributes.forEach((key, value) -> entries.add(kv(key, value)));
            return json.append(String.join(",", entries)).append("]}").toString();
        }
    }

    static final class Line {

        private final List<String> resource = new ArrayList<>(List.of(kv("service.name", str("support-chat"))));
        private final List<String> spans = new ArrayList<>();
        private String scope = "{\"name\":\"io.example.instrumentation\",\"version\":\"1.0.0\"}";

        Line span(Span span) {
            spans.add(span.json());
            return this;
        }

        /** Sets a raw JSON value as a span, valid or not. */
        Line rawSpan(String json) {
            spans.add(json);
            return this;
        }

        /** Replaces the resource's attributes. */
        Line resource(String... keyValues) {
            resource.clear();
            resource.addAll(List.of(keyValues));
            return this;
        }

        Line scope(String json) {
            scope = json;
            return this;
        }

        String json() {
            return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[" + String.join(",", resource)
                    + "]},\"scopeSpans\":[{\"scope\":" + scope + ",\"spans\":[" + String.join(",", spans) + "]}]}]}";
        }
    }
}
