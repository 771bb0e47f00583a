package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.CompactJson;
import io.trailkeeper.ingest.format.json.control.EmbeddedJson;
import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import io.trailkeeper.ingest.format.json.control.StorableText;
import io.trailkeeper.trail.entity.AuditEventDraft;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one OTLP span onto an audit event, reading the OpenTelemetry GenAI semantic conventions in
 * both dialects found in the wild. The attribute names come from the conventions' documents
 * gen-ai-spans.md, gen-ai-agent-spans.md and registry/attributes/gen-ai.md, first published in
 * open-telemetry/semantic-conventions and since moved to open-telemetry/semantic-conventions-genai,
 * whose documents name v1.36.0 as the last version of the older dialect:
 * <ul>
 * <li>older: {@code gen_ai.system}, {@code gen_ai.usage.prompt_tokens} and
 *     {@code gen_ai.usage.completion_tokens}, messages as span events (see {@link SpanEvents});</li>
 * <li>newer: {@code gen_ai.provider.name}, {@code gen_ai.usage.input_tokens} and
 *     {@code gen_ai.usage.output_tokens}, messages as the attributes {@code gen_ai.input.messages},
 *     {@code gen_ai.output.messages} and {@code gen_ai.system_instructions}.</li>
 * </ul>
 * Instrumentations that are midway emit a mix, so every attribute is read under both names.
 * Where a column has several sources the first one present wins, and the others stay in the
 * content, so that two conflicting values are never silently reduced to one. Everything not mapped
 * to a column is kept in the content: nothing a span said is dropped.
 */
final class GenAiSpanReader {

    /** Limit for names and ids; they are indexed and shown in tables. Same as the agent-action format. */
    private static final int IDENTIFIER_LIMIT = 200;
    /** Limit for free text that explains an action. Same as the agent-action format. */
    private static final int TEXT_LIMIT = 2000;

    private static final String AGENT_ID = "gen_ai.agent.id";
    private static final String AGENT_NAME = "gen_ai.agent.name";
    private static final String AGENT_VERSION = "gen_ai.agent.version";
    private static final String OPERATION = "gen_ai.operation.name";
    private static final String TOOL_NAME = "gen_ai.tool.name";
    private static final String[] PROVIDER = {"gen_ai.provider.name", "gen_ai.system"};
    private static final String[] MODEL = {"gen_ai.response.model", "gen_ai.request.model"};
    private static final String[] INPUT_TOKENS = {"gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"};
    private static final String[] OUTPUT_TOKENS = {"gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"};
    // user.id comes from the general registry (registry/attributes/user.md); enduser.id is its
    // deprecated predecessor, still emitted by many SDKs.
    private static final String[] SUBJECT = {"user.id", "enduser.id"};
    private static final String[] SESSION = {"session.id", "gen_ai.conversation.id"};
    private static final String ERROR_TYPE = "error.type";

    /** Message attributes of the newer dialect, with their names in the content. */
    private static final Map<String, String> MESSAGE_ATTRIBUTES = orderedMap(
            "gen_ai.system_instructions", "system_instructions",
            "gen_ai.input.messages", "input_messages",
            "gen_ai.output.messages", "output_messages");
    private static final Map<String, String> TOOL_CALL_ATTRIBUTES = orderedMap(
            "gen_ai.tool.call.id", "id",
            "gen_ai.tool.call.arguments", "arguments",
            "gen_ai.tool.call.result", "result");

    // Resource attributes from the general registry (registry/attributes/service.md, deployment.md,
    // cloud.md); deployment.environment is the deprecated name of deployment.environment.name.
    private static final String SERVICE_NAME = "service.name";
    private static final String SERVICE_VERSION = "service.version";
    private static final String[] DEPLOYMENT = {"deployment.environment.name", "deployment.environment"};
    private static final String REGION = "cloud.region";

    /** Operations whose subject is a tool or an agent (gen-ai-agent-spans.md, gen-ai-spans.md). */
    private static final Set<String> TOOL_OPERATIONS = Set.of("execute_tool");
    private static final Set<String> AGENT_OPERATIONS = Set.of("create_agent", "invoke_agent");

    private final JsonProvider json;
    private final CompactJson compact;
    private final OtlpAnyValue anyValues;
    private final EmbeddedJson embedded;
    private final SpanEvents events;
    private final OtlpTime times;

    GenAiSpanReader(JsonProvider json, CompactJson compact, OtlpAnyValue anyValues, EmbeddedJson embedded, OtlpTime times) {
        this.json = json;
        this.compact = compact;
        this.anyValues = anyValues;
        this.embedded = embedded;
        this.events = new SpanEvents(json, anyValues, embedded);
        this.times = times;
    }

    AuditEventDraft read(OtlpEnvelope.Slot slot) {
        if (slot.span().getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRecordException("span must be an object, but is " + RecordFields.describe(slot.span()));
        }
        OtlpMessage span = new OtlpMessage(slot.span().asJsonObject(), "");
        String sourceEventId = OtlpIds.traceId(span) + "/" + OtlpIds.spanId(span);
        OtlpEnvelope.Origin origin = slot.origin();
        if (origin.problem() != null) {
            throw new InvalidRecordException(origin.problem());
        }
        RecordFields attributes = new RecordFields(anyValues.attributes(span, "attributes", "attribute"));
        RecordFields resource = new RecordFields(origin.resourceAttributes());

        Long start = OtlpTime.nanos(span, "startTimeUnixNano");
        Instant occurredAt = times.occurredAt(start);
        Long latencyMs = OtlpTime.latencyMs(start, OtlpTime.nanos(span, "endTimeUnixNano"));

        String agentName = firstText(attributes, IDENTIFIER_LIMIT, AGENT_NAME);
        String agentId = firstText(attributes, IDENTIFIER_LIMIT, AGENT_ID);
        if (agentId == null) {
            agentId = agentName != null ? agentName : firstText(resource, IDENTIFIER_LIMIT, SERVICE_NAME);
        }
        if (agentId == null) {
            throw new InvalidRecordException("span has no agent: expected gen_ai.agent.id, gen_ai.agent.name or resource service.name");
        }
        String agentVersion = firstText(attributes, IDENTIFIER_LIMIT, AGENT_VERSION);
        if (agentVersion == null) {
            agentVersion = firstText(resource, IDENTIFIER_LIMIT, SERVICE_VERSION);
        }
        String deployment = firstText(resource, IDENTIFIER_LIMIT, DEPLOYMENT);
        String region = firstText(resource, IDENTIFIER_LIMIT, REGION);
        String subjectRef = firstText(attributes, IDENTIFIER_LIMIT, SUBJECT);
        String sessionId = firstText(attributes, IDENTIFIER_LIMIT, SESSION);

        String operation = firstText(attributes, IDENTIFIER_LIMIT, OPERATION);
        String spanName = span.string("name");
        String action = operation != null ? operation : spanNameAsAction(spanName);
        String target = null;
        if (operation != null && TOOL_OPERATIONS.contains(operation)) {
            target = firstText(attributes, TEXT_LIMIT, TOOL_NAME);
        } else if (operation != null && AGENT_OPERATIONS.contains(operation)) {
            target = agentName;
        }

        SpanStatus status = SpanStatus.read(span);
        String error = firstText(attributes, TEXT_LIMIT, ERROR_TYPE);
        boolean statusMessageIsError = false;
        if (error == null && status.code() == SpanStatus.Code.ERROR && status.message() != null && !status.message().isBlank()) {
            checkText("span status message", status.message(), TEXT_LIMIT);
            error = status.message();
            statusMessageIsError = true;
        }
        String model = firstText(attributes, IDENTIFIER_LIMIT, MODEL);
        Long inputTokens = attributes.optionalCount(INPUT_TOKENS);
        Long outputTokens = attributes.optionalCount(OUTPUT_TOKENS);

        String contentJson = content(span, spanName, origin, status, statusMessageIsError, attributes, resource);
        return StorableText.checked(new AuditEventDraft(
                sourceEventId, occurredAt,
                agentId, agentName, agentVersion,
                deployment, region,
                subjectRef, sessionId,
                action, target, status.code().result, null,
                null,
                model, inputTokens, outputTokens, latencyMs,
                error, null,
                contentJson));
    }

    /**
     * @return the text of the first attribute of {@code names} that is present and not blank, or
     *     null. Unlike {@link RecordFields#optionalText}, a blank value falls through to the next
     *     name: instrumentations set attributes to "" when they have nothing, and an empty agent id
     *     must not hide the agent's name.
     */
    private static String firstText(RecordFields fields, int maxLength, String... names) {
        for (String name : names) {
            String text = fields.optionalText(maxLength, name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String spanNameAsAction(String spanName) {
        if (spanName == null || spanName.isBlank()) {
            throw new InvalidRecordException("span has no action: expected gen_ai.operation.name or a span name");
        }
        checkText("span name", spanName, IDENTIFIER_LIMIT);
        return spanName;
    }

    private static void checkText(String what, String text, int maxLength) {
        if (text.length() > maxLength) {
            int characters = text.codePointCount(0, text.length());
            if (characters > maxLength) {
                throw new InvalidRecordException(what + " is " + characters + " characters long; the limit is " + maxLength);
            }
        }
        StorableText.require(what, text);
    }

    private String content(OtlpMessage span, String spanName, OtlpEnvelope.Origin origin, SpanStatus status,
            boolean statusMessageIsError, RecordFields attributes, RecordFields resource) {
        Map<String, JsonValue> content = new LinkedHashMap<>();
        RecordFields.Member provider = attributes.find(PROVIDER);
        if (provider != null) {
            attributes.use(provider);
            content.put("provider", provider.value());
        }
        MESSAGE_ATTRIBUTES.forEach((attribute, key) -> putExpanded(content, key, attributes, attribute));
        SpanEvents.Split split = events.read(span);
        putIfPresent(content, "messages", split.messages());
        Map<String, JsonValue> toolCall = new LinkedHashMap<>();
        TOOL_CALL_ATTRIBUTES.forEach((attribute, key) -> putExpanded(toolCall, key, attributes, attribute));
        if (!toolCall.isEmpty()) {
            content.put("tool_call", object(toolCall));
        }
        putIfPresent(content, "span", spanContent(span, spanName, origin, status, statusMessageIsError));
        Map<String, JsonValue> unusedAttributes = attributes.unused();
        if (!unusedAttributes.isEmpty()) {
            content.put("attributes", object(unusedAttributes));
        }
        Map<String, JsonValue> unusedResource = resource.unused();
        if (!unusedResource.isEmpty()) {
            content.put("resource", object(unusedResource));
        }
        putIfPresent(content, "events", split.others());
        return content.isEmpty() ? null : compact.writeObject(content);
    }

    private void putExpanded(Map<String, JsonValue> content, String key, RecordFields attributes, String attribute) {
        RecordFields.Member member = attributes.find(attribute);
        if (member != null) {
            attributes.use(member);
            content.put(key, embedded.expand(member.value()));
        }
    }

    /** The span's own fields, so that the event can be found again in the tracing tool it came from. */
    private JsonValue spanContent(OtlpMessage span, String spanName, OtlpEnvelope.Origin origin, SpanStatus status,
            boolean statusMessageIsError) {
        Map<String, JsonValue> content = new LinkedHashMap<>();
        if (spanName != null && !spanName.isEmpty()) {
            content.put("name", json.createValue(spanName));
        }
        putIfPresent(content, "kind", SpanKind.read(span, json));
        String parent = OtlpIds.parentSpanId(span);
        if (parent != null) {
            content.put("parent_span_id", json.createValue(parent));
        }
        String traceState = span.string("traceState");
        if (traceState != null && !traceState.isEmpty()) {
            content.put("trace_state", json.createValue(traceState));
        }
        putIfPresent(content, "scope", origin.scope());
        if (status.message() != null && !status.message().isEmpty() && !statusMessageIsError) {
            content.put("status_message", json.createValue(status.message()));
        }
        putIfPresent(content, "links", links(span));
        putIfPresent(content, "dropped_attributes_count", span.nonZero("droppedAttributesCount"));
        putIfPresent(content, "dropped_events_count", span.nonZero("droppedEventsCount"));
        putIfPresent(content, "dropped_links_count", span.nonZero("droppedLinksCount"));
        return content.isEmpty() ? null : object(content);
    }

    /** Links name other spans this one relates to; kept as sent, since they are context, not identity. */
    private JsonValue links(OtlpMessage span) {
        List<JsonValue> links = span.repeated("links");
        if (links.isEmpty()) {
            return null;
        }
        JsonArrayBuilder converted = json.createArrayBuilder();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            OtlpMessage link = OtlpMessage.of(links.get(i), span.child("links") + "[" + i + "]");
            JsonObjectBuilder content = json.createObjectBuilder();
            String traceId = link.string("traceId");
            String spanId = link.string("spanId");
            String traceState = link.string("traceState");
            if (traceId != null) {
                content.add("trace_id", traceId);
            }
            if (spanId != null) {
                content.add("span_id", spanId);
            }
            if (traceState != null && !traceState.isEmpty()) {
                content.add("trace_state", traceState);
            }
            Map<String, JsonValue> attributes = anyValues.attributes(link, "attributes", "link attribute");
            if (!attributes.isEmpty()) {
                content.add("attributes", object(attributes));
            }
            converted.add(content);
        }
        return converted.build();
    }

    private JsonValue object(Map<String, JsonValue> members) {
        JsonObjectBuilder object = json.createObjectBuilder();
        members.forEach(object::add);
        return object.build();
    }

    private static void putIfPresent(Map<String, JsonValue> content, String key, JsonValue value) {
        if (value != null) {
            content.put(key, value);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
