package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks one {@code ExportTraceServiceRequest} (opentelemetry-proto,
 * collector/trace/v1/trace_service.proto) down to its spans:
 * {@code resourceSpans[].scopeSpans[].spans[]}, each span paired with the resource and scope it was
 * reported under.
 *
 * <p>A broken envelope (a list that is not a list, a resource that is not an object) makes the
 * whole line unreadable, because the spans inside can no longer be counted or placed. A broken
 * resource or scope attribute only spoils the spans under it, which are rejected with its reason
 * while the rest of the line is read.
 */
final class OtlpEnvelope {

    /** Where a span was reported from. */
    record Origin(Map<String, JsonValue> resourceAttributes, JsonValue scope, String problem) {

        static Origin broken(String problem) {
            return new Origin(Map.of(), null, problem);
        }
    }

    /** One entry of a {@code spans} list, not yet read. */
    record Slot(JsonValue span, Origin origin) {
    }

    private final JsonProvider json;
    private final OtlpAnyValue anyValues;

    OtlpEnvelope(JsonProvider json, OtlpAnyValue anyValues) {
        this.json = json;
        this.anyValues = anyValues;
    }

    /**
     * @param request the members of the line's top-level object
     * @return every span of the request in document order; empty for an empty request
     * @throws InvalidRecordException when the line is not a trace export request
     */
    List<Slot> spans(Map<String, JsonValue> request) {
        OtlpMessage top = new OtlpMessage(request, "");
        if (!top.has("resourceSpans") && !top.isEmpty()) {
            // The specification has receivers ignore unknown fields, which would turn a log or
            // metric export, or any other JSON line fed to the wrong import, into zero events
            // without a word. Only a truly empty request is read as one.
            throw new InvalidRecordException(otherSignal(top));
        }
        List<Slot> slots = new ArrayList<>();
        List<JsonValue> resourceSpans = top.repeated("resourceSpans");
        for (int r = 0; r < resourceSpans.size(); r++) {
            OtlpMessage resourceSpan = OtlpMessage.of(resourceSpans.get(r), "resourceSpans[" + r + "]");
            OtlpMessage resource = resourceSpan.message("resource");
            Map<String, JsonValue> resourceAttributes;
            String resourceProblem = null;
            try {
                resourceAttributes = resource == null ? Map.of() : anyValues.attributes(resource, "attributes", "resource attribute");
            } catch (InvalidRecordException e) {
                resourceAttributes = Map.of();
                resourceProblem = e.reason();
            }
            List<JsonValue> scopeSpans = scopeSpans(resourceSpan);
            for (int s = 0; s < scopeSpans.size(); s++) {
                OtlpMessage scopeSpan = OtlpMessage.of(scopeSpans.get(s), resourceSpan.child(scopeSpansField(resourceSpan)) + "[" + s + "]");
                Origin origin = resourceProblem != null ? Origin.broken(resourceProblem) : origin(resourceAttributes, scopeSpan);
                for (JsonValue span : scopeSpan.repeated("spans")) {
                    slots.add(new Slot(span, origin));
                }
            }
        }
        return slots;
    }

    private static String otherSignal(OtlpMessage top) {
        if (top.has("resourceLogs")) {
            return "line is an OTLP log export (resourceLogs), not a trace export";
        }
        if (top.has("resourceMetrics")) {
            return "line is an OTLP metric export (resourceMetrics), not a trace export";
        }
        return "line is not an OTLP trace export: it has no field 'resourceSpans'";
    }

    /**
     * OTLP before 0.19 called scopes "instrumentation libraries"; collector files from that time
     * still exist, and skipping their spans silently would lose evidence.
     */
    private static String scopeSpansField(OtlpMessage resourceSpan) {
        return !resourceSpan.has("scopeSpans") && resourceSpan.has("instrumentationLibrarySpans")
                ? "instrumentationLibrarySpans" : "scopeSpans";
    }

    private static List<JsonValue> scopeSpans(OtlpMessage resourceSpan) {
        return resourceSpan.repeated(scopeSpansField(resourceSpan));
    }

    private Origin origin(Map<String, JsonValue> resourceAttributes, OtlpMessage scopeSpan) {
        OtlpMessage scope = scopeSpan.message(scopeSpan.has("scope") || !scopeSpan.has("instrumentationLibrary")
                ? "scope" : "instrumentationLibrary");
        if (scope == null) {
            return new Origin(resourceAttributes, null, null);
        }
        try {
            JsonObjectBuilder content = json.createObjectBuilder();
            String name = scope.string("name");
            String version = scope.string("version");
            Map<String, JsonValue> attributes = anyValues.attributes(scope, "attributes", "scope attribute");
            if (name != null && !name.isEmpty()) {
                content.add("name", name);
            }
            if (version != null && !version.isEmpty()) {
                content.add("version", version);
            }
            if (!attributes.isEmpty()) {
                JsonObjectBuilder values = json.createObjectBuilder();
                attributes.forEach(values::add);
                content.add("attributes", values);
            }
            JsonValue built = content.build();
            return new Origin(resourceAttributes, built.asJsonObject().isEmpty() ? null : built, null);
        } catch (InvalidRecordException e) {
            return Origin.broken(e.reason());
        }
    }
}
