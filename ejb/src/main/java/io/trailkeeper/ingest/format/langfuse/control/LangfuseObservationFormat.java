package io.trailkeeper.ingest.format.langfuse.control;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.format.json.control.CompactJson;
import io.trailkeeper.ingest.format.json.control.EmbeddedJson;
import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.JsonLineDecoder;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import io.trailkeeper.ingest.format.json.control.StorableText;
import io.trailkeeper.ingest.format.json.control.TimestampField;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import io.trailkeeper.trail.entity.AuditEventDraft;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one observation of Langfuse's public observations API ({@code GET
 * /api/public/v2/observations}) into an audit event. Stateless, thread-safe.
 *
 * <p>What the API sends, as far as its published OpenAPI description and its server code show
 * (field groups are requested with {@code fields=core,basic,...}; only {@code core} is always
 * present):
 * <ul>
 * <li>core: {@code id}, {@code traceId}, {@code projectId}, {@code type} (GENERATION, SPAN, EVENT,
 *     AGENT, TOOL, CHAIN, RETRIEVER, EVALUATOR, EMBEDDING, GUARDRAIL), {@code startTime},
 *     {@code endTime}, {@code parentObservationId};</li>
 * <li>basic: {@code name}, {@code level} (DEBUG, DEFAULT, WARNING, ERROR), {@code statusMessage},
 *     {@code version}, {@code environment}, {@code userId}, {@code sessionId}, ...;</li>
 * <li>time: {@code completionStartTime}, {@code createdAt}, {@code updatedAt};</li>
 * <li>io: {@code input}, {@code output}, sent as raw strings (often JSON text);
 *     metadata: {@code metadata}, an object whose values the API cuts to 200 characters unless asked
 *     to expand named keys;</li>
 * <li>model: {@code model} (named {@code providedModelName} in older descriptions),
 *     {@code internalModelId}, {@code modelParameters}; usage: {@code usageDetails} and
 *     {@code costDetails} (metric name to amount), {@code inputUsage}, {@code outputUsage},
 *     {@code totalUsage}, costs; prompt, metrics ({@code latency} in seconds) and trace context
 *     ({@code tags}, {@code release}, {@code traceName}).</li>
 * </ul>
 * Timestamps are ISO-8601 in UTC with milliseconds.
 *
 * <p>The mapping: the observation id is the event's source id, so a page read twice stores each
 * observation once. {@code startTime} is when it occurred; {@code endTime} gives the latency. The
 * agent is the trace's name (the application or workflow, which Langfuse has no separate field
 * for), else the name of an AGENT observation, else the Langfuse project. The action is the type in
 * lower case ({@code generation}, {@code tool}, ...) and the target the observation's name. The
 * result is the level in lower case; with level ERROR the status message becomes the error.
 * {@code userId} is the data subject (pseudonymised on storage), {@code sessionId} the session,
 * {@code environment} the deployment, {@code version} (else the trace's {@code release}) the agent
 * version. Input and output tokens are the sums of the {@code usageDetails} entries whose names
 * begin with "input" and "output", as Langfuse itself sums them (so cached prompt tokens count as
 * input). Everything else, among it input, output, metadata, the usage and cost breakdowns and
 * fields this reader does not know, is kept as content: input and output holding a JSON object or
 * array are kept parsed, other text as it came.
 *
 * <p>The API is lenient here where its descriptions disagree or leave room: numbers as numeric
 * strings, {@code model} or {@code providedModelName}, the v1 {@code usage} object or
 * {@code promptTokens}/{@code completionTokens} when {@code usageDetails} is absent, a missing type
 * or level. It is strict where the evidence would be wrong: no id, no or an unreadable start time,
 * an end before the start, a negative or non-numeric token count are rejected with a reason that
 * names the field but never quotes content.
 */
public final class LangfuseObservationFormat {

    private static final String ID = "id";
    private static final String START_TIME = "startTime";
    private static final String END_TIME = "endTime";
    private static final String COMPLETION_START_TIME = "completionStartTime";
    private static final String TYPE = "type";
    private static final String NAME = "name";
    private static final String LEVEL = "level";
    private static final String STATUS_MESSAGE = "statusMessage";
    private static final String TRACE_NAME = "traceName";
    private static final String PROJECT_ID = "projectId";
    private static final String VERSION = "version";
    private static final String RELEASE = "release";
    private static final String ENVIRONMENT = "environment";
    private static final String USER_ID = "userId";
    private static final String SESSION_ID = "sessionId";
    private static final String[] MODEL = {"model", "providedModelName"};
    private static final String USAGE_DETAILS = "usageDetails";
    private static final String LEGACY_USAGE = "usage";
    private static final String[] LEGACY_INPUT_TOKENS = {"promptTokens"};
    private static final String[] LEGACY_OUTPUT_TOKENS = {"completionTokens"};
    private static final String[] REDUCED_INPUT_TOKENS = {"inputUsage"};
    private static final String[] REDUCED_OUTPUT_TOKENS = {"outputUsage"};
    private static final String[] EXPANDED = {"input", "output"};

    /** Agent of observations whose trace has no name and whose project is unknown. */
    static final String UNNAMED_AGENT = "langfuse";

    /** Limits as in the other formats: ids and names are indexed and shown in tables. */
    private static final int IDENTIFIER_LIMIT = 200;
    private static final int TEXT_LIMIT = 2000;

    private final JsonProvider json;
    private final JsonLineDecoder decoder;
    private final CompactJson compact;
    private final EmbeddedJson embedded;
    private final TimestampField timestamps;

    public LangfuseObservationFormat() {
        this(Clock.systemUTC());
    }

    /** @param clock decides which timestamps lie implausibly far in the future */
    public LangfuseObservationFormat(Clock clock) {
        // Looked up once: JsonProvider.provider() scans the class path on every call.
        this.json = JsonProvider.provider();
        this.decoder = new JsonLineDecoder(json);
        this.compact = new CompactJson(json);
        this.embedded = new EmbeddedJson(json);
        this.timestamps = new TimestampField(Objects.requireNonNull(clock, "clock"));
    }

    /** @param observation the UTF-8 JSON text of one element of a page's {@code data} array */
    public ParsedRecord parse(byte[] observation) {
        Objects.requireNonNull(observation, "observation");
        try {
            return new ParsedRecord.Accepted(read(observation));
        } catch (InvalidRecordException e) {
            return new ParsedRecord.Rejected(e.reason());
        }
    }

    private AuditEventDraft read(byte[] observation) {
        RecordFields fields = new RecordFields(decoder.decode(observation));
        String id = fields.requiredText(IDENTIFIER_LIMIT, ID);
        Instant start = timestamps.read(fields, fields.require(START_TIME));
        RecordFields.Member endMember = fields.find(END_TIME);
        Long latencyMs = null;
        if (endMember != null) {
            Instant end = timestamps.read(fields, endMember);
            if (end.isBefore(start)) {
                throw new InvalidRecordException("field 'endTime' is before 'startTime'");
            }
            latencyMs = end.toEpochMilli() - start.toEpochMilli();
        }
        RecordFields.Member completionStart = fields.find(COMPLETION_START_TIME);
        if (completionStart != null) {
            // Checked, but kept as content: it is evidence of its own (time to first token).
            timestamps.read(fields, completionStart);
        }

        String type = fields.optionalText(IDENTIFIER_LIMIT, TYPE);
        String name = fields.optionalText(TEXT_LIMIT, NAME);
        String action = type == null ? "observation" : type.strip().toLowerCase(Locale.ROOT);
        String traceName = fields.optionalText(IDENTIFIER_LIMIT, TRACE_NAME);
        boolean agentObservation = "agent".equals(action);
        String agentName = agentObservation && name != null && name.length() <= IDENTIFIER_LIMIT ? name : null;
        String agentId = traceName != null ? traceName : agentName;
        if (agentId == null) {
            RecordFields.Member project = fields.find(PROJECT_ID);
            String projectId = project == null ? null : scalarText(project.value());
            StorableText.require("field 'projectId'", projectId);
            // The project stays in the content too: it is where the trail can be found again.
            agentId = projectId == null || projectId.isBlank() || projectId.length() > IDENTIFIER_LIMIT - 17
                    ? UNNAMED_AGENT : "langfuse-project/" + projectId;
        }

        String level = fields.optionalText(IDENTIFIER_LIMIT, LEVEL);
        String result = level == null ? null : level.strip().toLowerCase(Locale.ROOT);
        String error = null;
        if ("error".equals(result)) {
            RecordFields.Member status = fields.find(STATUS_MESSAGE);
            if (status != null && status.value().getValueType() == JsonValue.ValueType.STRING) {
                String message = fields.text(status, TEXT_LIMIT);
                error = message.isBlank() ? null : message;
            }
        }

        String version = fields.optionalText(IDENTIFIER_LIMIT, VERSION);
        if (version == null) {
            version = fields.optionalText(IDENTIFIER_LIMIT, RELEASE);
        }
        String deployment = fields.optionalText(IDENTIFIER_LIMIT, ENVIRONMENT);
        String subjectRef = fields.optionalText(IDENTIFIER_LIMIT, USER_ID);
        String sessionId = fields.optionalText(IDENTIFIER_LIMIT, SESSION_ID);
        String model = fields.optionalText(IDENTIFIER_LIMIT, MODEL);
        Tokens tokens = tokens(fields);

        return StorableText.checked(new AuditEventDraft(
                id, start,
                agentId, agentName, version,
                deployment, null,
                subjectRef, sessionId,
                action, name, result, null,
                null,
                model, tokens.input(), tokens.output(), latencyMs,
                error, null,
                content(fields, completionStart)));
    }

    private String content(RecordFields fields, RecordFields.Member completionStart) {
        Map<String, JsonValue> content = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> member : fields.unused().entrySet()) {
            if (member.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue; // the API sends null for every field of a requested group it has no value for
            }
            boolean expand = false;
            for (String key : EXPANDED) {
                expand |= key.equals(member.getKey());
            }
            content.put(member.getKey(), expand ? embedded.expand(member.getValue()) : member.getValue());
        }
        if (completionStart != null) {
            content.put(completionStart.key(), completionStart.value());
        }
        return content.isEmpty() ? null : compact.writeObject(content);
    }

    private record Tokens(Long input, Long output) {
    }

    /**
     * The token counts. {@code usageDetails} decides when present, even when it holds no input or
     * output entry (a span has no tokens, and its reduced counts {@code inputUsage} are then 0, not
     * absent); the older shapes only stand in when it is missing. The breakdown itself stays in the
     * content, since a sum loses which tokens were cached or spent on reasoning.
     */
    private Tokens tokens(RecordFields fields) {
        RecordFields.Member details = fields.find(USAGE_DETAILS);
        if (details != null) {
            if (details.value().getValueType() != JsonValue.ValueType.OBJECT) {
                throw fields.wrongType(details, "an object");
            }
            return new Tokens(sum(fields, (JsonObject) details.value(), "input"), sum(fields, (JsonObject) details.value(), "output"));
        }
        RecordFields usage = fields.optionalObject(LEGACY_USAGE);
        if (usage != null) {
            Long input = usage.optionalCount("input");
            Long output = usage.optionalCount("output");
            if (input != null || output != null) {
                return new Tokens(input, output);
            }
        }
        Long input = fields.optionalCount(LEGACY_INPUT_TOKENS);
        Long output = fields.optionalCount(LEGACY_OUTPUT_TOKENS);
        if (input == null && output == null) {
            input = fields.optionalCount(REDUCED_INPUT_TOKENS);
            output = fields.optionalCount(REDUCED_OUTPUT_TOKENS);
        }
        return new Tokens(input, output);
    }

    private static Long sum(RecordFields fields, JsonObject details, String prefix) {
        Long total = null;
        for (Map.Entry<String, JsonValue> entry : details.entrySet()) {
            if (!entry.getKey().startsWith(prefix) || entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Long count = count(entry.getValue());
            if (count == null || count < 0) {
                throw new InvalidRecordException("field 'usageDetails." + safeKey(entry.getKey()) + "' must be a non-negative integer");
            }
            try {
                total = total == null ? count : Math.addExact(total, count);
            } catch (ArithmeticException e) {
                throw new InvalidRecordException("field 'usageDetails' adds up to more " + prefix + " tokens than can be counted");
            }
        }
        return total;
    }

    private static Long count(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return WholeNumber.exactLong(((JsonNumber) value).bigDecimalValue());
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            String digits = ((JsonString) value).getString().strip();
            if (digits.matches("[0-9]{1,18}")) {
                return Long.parseLong(digits);
            }
        }
        return null;
    }

    /** Usage metric names are chosen by SDKs, not people, but are still cut and cleaned before they reach a reason. */
    private static String safeKey(String key) {
        String shortened = key.length() > 64 ? key.substring(0, 64) + "..." : key;
        return shortened.replaceAll("[^A-Za-z0-9_.-]", "?");
    }

    private static String scalarText(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            default -> null;
        };
    }
}
