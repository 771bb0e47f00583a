package io.trailkeeper.ingest.format.agentaction.control;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.format.json.control.CompactJson;
import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.JsonLineDecoder;
import io.trailkeeper.ingest.format.json.control.RecordFields;
import io.trailkeeper.ingest.format.json.control.StorableText;
import io.trailkeeper.ingest.format.json.control.TimestampField;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import io.trailkeeper.trail.entity.AuditEventDraft;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the agent-action JSON-lines log format. Stateless, thread-safe.
 *
 * <p>One line holds one JSON object describing one action of an AI agent, for example
 * <pre>{@code
 * {"timestamp": "2026-02-18T05:34:00Z", "agent_id": "support-bot", "action": "refund.issue",
 *  "target": "order/8812", "result": "success", "user_confirmed": true, "user": "cust-4411",
 *  "tokens": {"input": 812, "output": 95}, "latency_ms": 1430, "prompt": "..."}
 * }</pre>
 * Agents are built by many teams, so each field is accepted under the names and value shapes
 * seen in practice (see the constants below); the first name present wins. Everything that
 * does not map to a column, including prompts, outputs and unknown attributes, is kept verbatim
 * in {@link AuditEventDraft#contentJson()} so that no evidence is dropped.
 *
 * <p>Bad lines never throw: they come back as {@link ParsedRecord.Rejected} with a reason that
 * names the field and the problem but never quotes prompts or personal values. JSON {@code null}
 * means absent. When a key occurs twice in a line, the last value wins.
 */
public final class AgentActionLogFormat {

    private static final String[] TIMESTAMP = {"timestamp", "ts", "time", "@timestamp"};
    private static final String[] AGENT_ID = {"agent_id", "agent"};
    private static final String[] ACTION = {"action", "operation"};
    private static final String[] EVENT_ID = {"event_id", "id"};
    private static final String[] AGENT_NAME = {"agent_name"};
    private static final String[] AGENT_VERSION = {"agent_version"};
    private static final String[] DEPLOYMENT = {"deployment"};
    private static final String[] REGION = {"region", "cloud_region"};
    private static final String[] SUBJECT = {"user", "user_id", "subject", "subject_id", "customer_id"};
    private static final String[] SESSION = {"session_id", "session"};
    private static final String[] TARGET = {"target"};
    private static final String[] RESULT = {"result", "status", "outcome"};
    private static final String[] REASON = {"reason"};
    private static final String[] HUMAN_CONFIRMED = {"user_confirmed", "human_confirmed", "confirmed"};
    private static final String[] MODEL = {"model"};
    private static final String[] ERROR = {"error"};
    private static final String[] DATA_CATEGORY = {"data_category", "category"};
    private static final String TOKENS = "tokens";
    private static final String[] NESTED_INPUT_TOKENS = {"input", "prompt", "input_tokens"};
    private static final String[] NESTED_OUTPUT_TOKENS = {"output", "completion", "output_tokens"};
    private static final String[] INPUT_TOKENS = {"input_tokens", "prompt_tokens"};
    private static final String[] OUTPUT_TOKENS = {"output_tokens", "completion_tokens"};
    private static final String[] LATENCY = {"latency_ms", "latency"};

    /** Limit for names and ids; they are indexed and shown in tables. */
    private static final int IDENTIFIER_LIMIT = 200;
    /** Limit for free text that explains an action; longer text belongs in the content. */
    private static final int TEXT_LIMIT = 2000;

    private final JsonLineDecoder decoder;
    private final CompactJson json;
    private final ErrorField errors;
    private final TimestampField timestamps;
    private final LineDigest lineIds;

    /** @param lineIds derives the event id of a line that names none: the scheme of the line's source */
    public AgentActionLogFormat(LineDigest lineIds) {
        this(Clock.systemUTC(), lineIds);
    }

    /**
     * @param clock decides which timestamps lie implausibly far in the future
     * @param lineIds derives the event id of a line that names none: the scheme of the line's source
     */
    public AgentActionLogFormat(Clock clock, LineDigest lineIds) {
        // Looked up once: JsonProvider.provider() scans the class path on every call, and a
        // large import parses millions of lines. The factories are documented as thread-safe.
        JsonProvider provider = JsonProvider.provider();
        this.decoder = new JsonLineDecoder(provider);
        this.json = new CompactJson(provider);
        this.errors = new ErrorField(json);
        this.timestamps = new TimestampField(Objects.requireNonNull(clock, "clock"));
        this.lineIds = Objects.requireNonNull(lineIds, "lineIds");
    }

    /** @param line one line, without the line terminator */
    public ParsedRecord parse(byte[] line) {
        Objects.requireNonNull(line, "line");
        try {
            return new ParsedRecord.Accepted(read(line));
        } catch (InvalidRecordException e) {
            return new ParsedRecord.Rejected(e.reason());
        }
    }

    private AuditEventDraft read(byte[] line) {
        RecordFields fields = new RecordFields(decoder.decode(line));
        Instant occurredAt = timestamps.read(fields, fields.require(TIMESTAMP));
        String agentId = fields.requiredText(IDENTIFIER_LIMIT, AGENT_ID);
        String action = fields.requiredText(IDENTIFIER_LIMIT, ACTION);
        String sourceEventId = sourceEventId(fields, line, lineIds);
        String agentName = fields.optionalText(IDENTIFIER_LIMIT, AGENT_NAME);
        String agentVersion = fields.optionalText(IDENTIFIER_LIMIT, AGENT_VERSION);
        String deployment = fields.optionalText(IDENTIFIER_LIMIT, DEPLOYMENT);
        String region = fields.optionalText(IDENTIFIER_LIMIT, REGION);
        String subjectRef = fields.optionalText(IDENTIFIER_LIMIT, SUBJECT);
        String sessionId = fields.optionalText(IDENTIFIER_LIMIT, SESSION);
        String target = fields.optionalText(TEXT_LIMIT, TARGET);
        String result = fields.optionalText(IDENTIFIER_LIMIT, RESULT);
        String reason = fields.optionalText(TEXT_LIMIT, REASON);
        Boolean humanConfirmed = fields.optionalFlag(HUMAN_CONFIRMED);
        String model = fields.optionalText(IDENTIFIER_LIMIT, MODEL);
        TokenCounts tokens = tokenCounts(fields);
        RecordFields.Member latency = fields.find(LATENCY);
        Long latencyMs = latency == null ? null : LatencyField.read(fields, latency);
        RecordFields.Member error = fields.find(ERROR);
        String errorText = error == null ? null : errors.read(fields, error, TEXT_LIMIT);
        String dataCategory = fields.optionalText(IDENTIFIER_LIMIT, DATA_CATEGORY);

        Map<String, JsonValue> content = fields.unused();
        return StorableText.checked(new AuditEventDraft(
                sourceEventId, occurredAt,
                agentId, agentName, agentVersion,
                deployment, region,
                subjectRef, sessionId,
                action, target, result, reason,
                humanConfirmed,
                model, tokens.input(), tokens.output(), latencyMs,
                errorText, dataCategory,
                content.isEmpty() ? null : json.writeObject(content, line.length)));
    }

    private static String sourceEventId(RecordFields fields, byte[] line, LineDigest lineIds) {
        RecordFields.Member id = fields.find(EVENT_ID);
        if (id != null) {
            JsonValue value = id.value();
            boolean whole = value.getValueType() == JsonValue.ValueType.NUMBER
                    && WholeNumber.exactLong(((JsonNumber) value).bigDecimalValue()) != null;
            if (value.getValueType() != JsonValue.ValueType.STRING && !whole) {
                throw fields.wrongType(id, "a string or an integer");
            }
            String text = whole
                    ? String.valueOf(WholeNumber.exactLong(((JsonNumber) value).bigDecimalValue()))
                    : ((JsonString) value).getString();
            fields.checkText(id, text, IDENTIFIER_LIMIT);
            fields.use(id);
            if (!text.isBlank()) {
                return text;
            }
        }
        return lineIds.of(line);
    }

    private record TokenCounts(Long input, Long output) {
    }

    private static TokenCounts tokenCounts(RecordFields fields) {
        Long input = null;
        Long output = null;
        RecordFields nested = fields.optionalObject(TOKENS);
        if (nested != null) {
            input = nested.optionalCount(NESTED_INPUT_TOKENS);
            output = nested.optionalCount(NESTED_OUTPUT_TOKENS);
            // An object with more than the counts (a total, cached tokens) stays in the content.
            if (nested.allUsed()) {
                fields.use(fields.find(TOKENS));
            }
        }
        if (input == null) {
            input = fields.optionalCount(INPUT_TOKENS);
        }
        if (output == null) {
            output = fields.optionalCount(OUTPUT_TOKENS);
        }
        return new TokenCounts(input, output);
    }
}
