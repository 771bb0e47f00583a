package io.trailkeeper.ingest.format.otlp.control;

import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.kv;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.line;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.span;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.trail.entity.AuditEventDraft;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OtlpGenAiSpanFormatRobustnessTest {

    static final Pattern SOURCE_EVENT_ID = Pattern.compile("[0-9a-f]{32}/[0-9a-f]{16}");
    static final Set<String> RESULTS = Set.of("ok", "error", "unset");

    final OtlpGenAiSpanFormat format = new OtlpGenAiSpanFormat(Clock.fixed(OtlpLines.NOW, ZoneOffset.UTC));

    /** Parses and checks what every answer must satisfy, whatever the input. */
    List<SpanRecord> parseAndCheck(byte[] line) {
        List<SpanRecord> records = format.parse(line);
        assertNotNull(records);
        for (int i = 0; i < records.size(); i++) {
            SpanRecord record = records.get(i);
            assertEquals(i, record.spanIndex());
            if (record.spanRef() != null) {
                assertTrue(SOURCE_EVENT_ID.matcher(record.spanRef()).matches(), record.spanRef());
            }
            if (record.parsed() instanceof ParsedRecord.Rejected rejected) {
                assertTrue(rejected.reason().codePoints().noneMatch(Character::isISOControl),
                        "a reason cannot forge log lines: " + rejected.reason());
            } else {
                AuditEventDraft draft = ((ParsedRecord.Accepted) record.parsed()).draft();
                assertEquals(record.spanRef(), draft.sourceEventId());
                assertNotNull(draft.occurredAt());
                assertNotNull(draft.agentId());
                assertNotNull(draft.action());
                assertTrue(RESULTS.contains(draft.result()));
                if (draft.contentJson() != null) {
                    OtlpLines.JSON.createReader(new StringReader(draft.contentJson())).readObject();
                }
            }
        }
        return records;
    }

    List<SpanRecord> parseAndCheck(String line) {
        return parseAndCheck(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void randomlyCorruptedFixturesAreAnsweredNeverThrown() {
        List<byte[]> originals = new ArrayList<>();
        for (String fixture : OtlpGenAiSpanFixturesTest.FIXTURES) {
            for (String line : OtlpGenAiSpanFixturesTest.lines(fixture)) {
                originals.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        // Bytes that matter to JSON and to OTLP, so that mutations often stay parseable and reach the mapping.
        byte[] interesting = "{}[]\":,0123456789-.eE\\ abcdefABCDEFnulltruefalse".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(20261121);
        int accepted = 0;
        for (int round = 0; round < 10_000; round++) {
            byte[] line = originals.get(random.nextInt(originals.size())).clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                line[random.nextInt(line.length)] = random.nextBoolean()
                        ? (byte) random.nextInt(256)
                        : interesting[random.nextInt(interesting.length)];
            }
            if (random.nextInt(8) == 0) {
                line = Arrays.copyOf(line, random.nextInt(line.length + 1));
            }
            accepted += (int) parseAndCheck(line).stream().filter(r -> r.parsed() instanceof ParsedRecord.Accepted).count();
        }
        assertTrue(accepted > 1000, "many mutations stay readable and exercise the mapping, not only the JSON parser: " + accepted);
    }

    static final String[] ODD_VALUES = {"null", "true", "false", "0", "-1", "1.5", "1e400", "-0.0", "18446744073709551616",
        "\"\"", "\" \"", "\"x\"", "\"-5\"", "\"0\"", "\"1795000000000000000\"", "\"\\u0000\"", "{}", "[]", "[null]", "[{}]", "[7]",
        "{\"code\":\"x\"}", "{\"code\":2,\"message\":7}", "[{\"key\":1}]", "[{\"key\":\"k\",\"value\":[]}]",
        "[{\"name\":5,\"timeUnixNano\":\"x\"}]", "[{\"traceId\":3}]"};

    @Test
    void everySpanFieldWithEveryKindOfValueIsAnswered() {
        String[] fields = {"traceId", "spanId", "parentSpanId", "name", "kind", "startTimeUnixNano", "endTimeUnixNano",
            "attributes", "events", "links", "status", "traceState", "droppedAttributesCount", "droppedEventsCount", "flags"};
        for (String field : fields) {
            for (String value : ODD_VALUES) {
                String json = line(span().field(field, value)).json();
                // The builder writes attributes last; a duplicate "attributes" key is decided by the decoder.
                parseAndCheck(json);
            }
        }
    }

    @Test
    void everyEnvelopeFieldWithEveryKindOfValueIsAnswered() {
        String spanJson = span().json();
        for (String value : ODD_VALUES) {
            List<String> lines = List.of(
                    "{\"resourceSpans\":" + value + "}",
                    "{\"resourceSpans\":[" + value + "]}",
                    "{\"resourceSpans\":[{\"resource\":" + value + ",\"scopeSpans\":[{\"spans\":[" + spanJson + "]}]}]}",
                    "{\"resourceSpans\":[{\"resource\":{\"attributes\":" + value + "},\"scopeSpans\":[{\"spans\":[" + spanJson + "]}]}]}",
                    "{\"resourceSpans\":[{\"scopeSpans\":" + value + "}]}",
                    "{\"resourceSpans\":[{\"scopeSpans\":[" + value + "]}]}",
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"scope\":" + value + ",\"spans\":[" + spanJson + "]}]}]}",
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":" + value + "}]}]}",
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + value + "]}]}]}");
            lines.forEach(this::parseAndCheck);
        }
    }

    @Test
    void everyMappedAttributeWithEveryKindOfAnyValueIsAnswered() {
        String[] names = {"gen_ai.agent.id", "gen_ai.agent.name", "gen_ai.agent.version", "gen_ai.operation.name",
            "gen_ai.tool.name", "gen_ai.provider.name", "gen_ai.system", "gen_ai.response.model", "gen_ai.request.model",
            "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.prompt_tokens",
            "gen_ai.usage.completion_tokens", "user.id", "enduser.id", "session.id", "gen_ai.conversation.id", "error.type",
            "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.tool.call.id",
            "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "service.name", "service.version",
            "deployment.environment.name", "deployment.environment", "cloud.region"};
        String[] anyValues = {"null", "{}", "\"x\"", "[]", "7", "{\"stringValue\":null}", "{\"stringValue\":\"\"}",
            "{\"stringValue\":\"[1,\"}", "{\"stringValue\":\"{\\\"a\\\":[1,{}]}\"}", "{\"stringValue\":\"-3\"}",
            "{\"intValue\":\"-3\"}", "{\"intValue\":\"x\"}", "{\"intValue\":1e400}", "{\"intValue\":\"9223372036854775807\"}",
            "{\"doubleValue\":\"NaN\"}", "{\"doubleValue\":1e-400}", "{\"doubleValue\":3.0}", "{\"boolValue\":false}",
            "{\"bytesValue\":\"!!\"}", "{\"bytesValue\":\"\"}", "{\"arrayValue\":[]}", "{\"arrayValue\":{\"values\":[{}]}}",
            "{\"kvlistValue\":{\"values\":[{\"key\":null}]}}", "{\"kvlistValue\":{\"values\":[{\"key\":\"k\"}]}}",
            "{\"stringValue\":\"a\",\"boolValue\":true}"};
        for (String name : names) {
            for (String anyValue : anyValues) {
                parseAndCheck(line(span().text("gen_ai.operation.name", "execute_tool").attribute(name, anyValue)).json());
                parseAndCheck(line(span().text("gen_ai.operation.name", "invoke_agent").attribute(name, anyValue))
                        .resource(kv(name, anyValue)).json());
            }
        }
    }

    @Test
    void absurdNumbersAndDepthsAreAnsweredQuickly() {
        // A hang guard, not a speed goal: 1e999999999 expanded into its billion digits would never
        // finish, while a loaded build machine may take seconds for what runs in milliseconds here.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals("field 'startTimeUnixNano' must be nanoseconds since the epoch as a decimal string or a whole number",
                    rejected(line(span().field("startTimeUnixNano", "1e999999999")).json()));
            assertEquals("field 'startTimeUnixNano' must be nanoseconds since the epoch as a decimal string or a whole number",
                    rejected(line(span().field("startTimeUnixNano", "\"1" + "0".repeat(200_000) + "\"")).json()));
            assertEquals("field 'kind' must be a span kind number such as 1 (internal) or 3 (client)",
                    rejected(line(span().field("kind", "1e-999999999")).json()));
            assertEquals("field 'gen_ai.usage.input_tokens' must be a non-negative integer",
                    rejected(line(span().attribute("gen_ai.usage.input_tokens", "{\"doubleValue\":1e999999999}")).json()));
            assertEquals("attribute 'app.x' has an intValue that is not a 64-bit integer",
                    rejected(line(span().attribute("app.x", "{\"intValue\":\"9" + "9".repeat(200_000) + "\"}")).json()));
            assertEquals("attribute 'app.x' has a doubleValue that is not a number",
                    rejected(line(span().attribute("app.x", "{\"doubleValue\":\"1" + "0".repeat(200_000) + "\"}")).json()));
            assertEquals("not valid JSON: a number has too many digits",
                    rejected(line(span().field("kind", "3" + "0".repeat(200_000))).json()));
            String deepJsonText = "[".repeat(100_000) + "]".repeat(100_000);
            AuditEventDraft draft = accepted(line(span().text("gen_ai.input.messages", deepJsonText)).json());
            assertEquals(deepJsonText.length(), OtlpLines.JSON.createReader(new StringReader(draft.contentJson())).readObject()
                    .getString("input_messages").length(), "too deep to parse, so kept as the text it was");
            String deepAnyValue = "{\"arrayValue\":{\"values\":[".repeat(300) + "]}}".repeat(300);
            accepted(line(span().attribute("app.deep", deepAnyValue)).json());
            String tooDeep = "{\"arrayValue\":{\"values\":[".repeat(5_000) + "]}}".repeat(5_000);
            assertEquals("not valid JSON: the object is nested too deeply",
                    rejected(line(span().attribute("app.deep", tooDeep)).json()));
        });
    }

    String rejected(String line) {
        List<SpanRecord> records = parseAndCheck(line);
        assertEquals(1, records.size());
        return assertInstanceOf(ParsedRecord.Rejected.class, records.get(0).parsed()).reason();
    }

    AuditEventDraft accepted(String line) {
        List<SpanRecord> records = parseAndCheck(line);
        assertEquals(1, records.size());
        return assertInstanceOf(ParsedRecord.Accepted.class, records.get(0).parsed()).draft();
    }

    @Test
    void oneInstanceGivesTheSameAnswersToConcurrentCallers() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        for (String fixture : OtlpGenAiSpanFixturesTest.FIXTURES) {
            for (String line : OtlpGenAiSpanFixturesTest.lines(fixture)) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        lines.add(line(span().text("gen_ai.system", "openai")).resource(kv("service.name", str("x"))).json()
                .getBytes(StandardCharsets.UTF_8));
        List<List<SpanRecord>> expected = lines.stream().map(format::parse).toList();
        assertFalse(expected.isEmpty());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        assertEquals(expected, lines.stream().map(format::parse).toList());
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
