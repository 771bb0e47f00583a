package io.trailkeeper.ingest.format.otlp.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.trail.entity.AuditEventDraft;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the fixture exports as an import would, line by line: an OpenAI chat app on the older
 * conventions, an agent on the newer ones, a multi-service request, failing spans, broken lines.
 */
class OtlpGenAiSpanFixturesTest {

    static final String DIRECTORY = "/io/trailkeeper/ingest/otlp/";
    static final List<String> FIXTURES = List.of("older-dialect-openai-chat.jsonl", "newer-dialect-agent.jsonl",
            "multiple-resources.jsonl", "error-spans.jsonl", "malformed.jsonl");

    final OtlpGenAiSpanFormat format = new OtlpGenAiSpanFormat(Clock.fixed(OtlpLines.NOW, ZoneOffset.UTC));

    static List<String> lines(String fixture) {
        try (InputStream in = OtlpGenAiSpanFixturesTest.class.getResourceAsStream(DIRECTORY + fixture)) {
            assertNotNull(in, fixture + " is on the class path");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "the file ends with a newline");
            return Arrays.asList(text.split("\n"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    List<SpanRecord> read(String fixture, int line) {
        return format.parse(lines(fixture).get(line).getBytes(StandardCharsets.UTF_8));
    }

    static AuditEventDraft draft(SpanRecord record) {
        if (record.parsed() instanceof ParsedRecord.Rejected rejected) {
            throw new AssertionError("span " + record.spanIndex() + " was rejected: " + rejected.reason());
        }
        return ((ParsedRecord.Accepted) record.parsed()).draft();
    }

    static JsonObject content(AuditEventDraft draft) {
        return OtlpLines.JSON.createReader(new StringReader(draft.contentJson())).readObject();
    }

    static String reason(SpanRecord record) {
        return assertInstanceOf(ParsedRecord.Rejected.class, record.parsed(), "span " + record.spanIndex()).reason();
    }

    @Test
    void theOlderDialectChatMapsEveryColumn() {
        List<SpanRecord> records = read("older-dialect-openai-chat.jsonl", 0);
        assertEquals(1, records.size());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7", records.get(0).spanRef(), "hex ids lower-cased");
        AuditEventDraft draft = draft(records.get(0));
        assertEquals(new AuditEventDraft("4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7",
                Instant.parse("2026-11-20T09:14:03.120Z"), "support-chat", null, "1.8.2", "staging", null,
                "cust-4411", "sess-7f3a", "chat", null, "unset", null, null, "gpt-4o-mini-2024-07-18", 54L, 23L, 1844L,
                null, null, draft.contentJson()), draft);
    }

    @Test
    void theOlderDialectChatKeepsItsMessagesAndEverythingElse() {
        JsonObject content = content(draft(read("older-dialect-openai-chat.jsonl", 0).get(0)));
        assertEquals("openai", content.getString("provider"));
        JsonArray messages = content.getJsonArray("messages");
        assertEquals(List.of("gen_ai.system.message", "gen_ai.user.message", "gen_ai.choice"),
                messages.stream().map(m -> m.asJsonObject().getString("name")).toList());
        assertEquals("Where is my order 77812?", messages.getJsonObject(1).getJsonObject("attributes").getString("content"));
        assertEquals("2026-11-20T09:14:03.120458789Z", messages.getJsonObject(1).getString("time"), "event times keep nanoseconds");
        JsonObject choice = messages.getJsonObject(2).getJsonObject("attributes");
        assertEquals("Order 77812 left our warehouse yesterday and should arrive on Monday.",
                choice.getJsonObject("message").getString("content"), "the JSON message body is parsed");
        assertEquals(0, choice.getInt("index"));
        JsonObject attributes = content.getJsonObject("attributes");
        assertAll(
                () -> assertEquals("gpt-4o-mini", attributes.getString("gen_ai.request.model")),
                () -> assertEquals(0.2, attributes.getJsonNumber("gen_ai.request.temperature").doubleValue()),
                () -> assertEquals(512, attributes.getInt("gen_ai.request.max_tokens")),
                () -> assertEquals(443, attributes.getInt("server.port")),
                () -> assertEquals("[\"stop\"]", attributes.getJsonArray("gen_ai.response.finish_reasons").toString()),
                () -> assertFalse(attributes.containsKey("gen_ai.usage.prompt_tokens"), "mapped to a column"));
        assertEquals("chat-web-2", content.getJsonObject("resource").getString("host.name"));
        assertEquals("{\"name\":\"chat gpt-4o-mini\",\"kind\":\"CLIENT\",\"scope\":{\"name\":\"opentelemetry.instrumentation.openai_v2\","
                + "\"version\":\"2.0b0\"}}", content.getJsonObject("span").toString());
    }

    @Test
    void theNewerDialectAgentMapsItsThreeSpans() {
        List<SpanRecord> records = read("newer-dialect-agent.jsonl", 0);
        assertEquals(3, records.size());
        AuditEventDraft agent = draft(records.get(0));
        AuditEventDraft chat = draft(records.get(1));
        AuditEventDraft tool = draft(records.get(2));
        assertAll(
                () -> assertEquals("asst_5j66UpCpwteGg4YSxUnt7lPY", agent.agentId()),
                () -> assertEquals("Booking Assistant", agent.agentName()),
                () -> assertEquals("2026.11.1", agent.agentVersion()),
                () -> assertEquals("production", agent.deployment()),
                () -> assertEquals("eu-west-1", agent.region()),
                () -> assertEquals("emp-20931", agent.subjectRef()),
                () -> assertEquals("conv_5j66UpCpwteGg4YSxUnt7lPY", agent.sessionId()),
                () -> assertEquals("invoke_agent", agent.action()),
                () -> assertEquals("Booking Assistant", agent.target()),
                () -> assertEquals("ok", agent.result()),
                () -> assertEquals("gpt-4.1", agent.model()),
                () -> assertEquals(2210L, agent.inputTokens()),
                () -> assertEquals(318L, agent.outputTokens()),
                () -> assertEquals(6204L, agent.latencyMs()),

                () -> assertEquals("travel-desk", chat.agentId(), "no agent attributes: the service is the agent"),
                () -> assertEquals("3.2.0", chat.agentVersion()),
                () -> assertEquals("chat", chat.action()),
                () -> assertNull(chat.target()),
                () -> assertEquals("unset", chat.result()),
                () -> assertEquals("gpt-4.1-2025-04-14", chat.model()),
                () -> assertEquals(1380L, chat.inputTokens()),
                () -> assertEquals(41L, chat.outputTokens()),

                () -> assertEquals("asst_5j66UpCpwteGg4YSxUnt7lPY", tool.agentId()),
                () -> assertEquals("execute_tool", tool.action()),
                () -> assertEquals("search_flights", tool.target()),
                () -> assertEquals("ok", tool.result()),
                () -> assertEquals(812L, tool.latencyMs()),
                () -> assertNull(tool.error()));
    }

    @Test
    void theNewerDialectAgentKeepsMessagesToolCallsAndTheCloudProvider() {
        List<SpanRecord> records = read("newer-dialect-agent.jsonl", 0);
        JsonObject agent = content(draft(records.get(0)));
        JsonObject chat = content(draft(records.get(1)));
        JsonObject tool = content(draft(records.get(2)));
        assertEquals("Book me the cheapest flight from Dublin to Lisbon on 4 December.",
                agent.getJsonArray("input_messages").getJsonObject(0).getJsonArray("parts").getJsonObject(0).getString("content"),
                "the JSON string was parsed");
        assertEquals("aws", agent.getJsonObject("resource").getString("cloud.provider"));
        assertEquals("Books flights for employees within the travel policy",
                agent.getJsonObject("attributes").getString("gen_ai.agent.description"));

        JsonObject toolCall = chat.getJsonArray("output_messages").getJsonObject(0).getJsonArray("parts").getJsonObject(0);
        assertEquals("{\"type\":\"tool_call\",\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\",\"name\":\"search_flights\","
                + "\"arguments\":{\"origin\":\"DUB\",\"destination\":\"LIS\",\"date\":\"2026-12-04\"}}", toolCall.toString(),
                "the structured output became plain JSON");
        assertEquals("You book business travel. Follow the travel policy: economy class for flights under 4 hours.",
                chat.getJsonArray("system_instructions").getJsonObject(0).getString("content"));
        assertEquals("b7ad6b7169203331", chat.getJsonObject("span").getString("parent_span_id"));
        assertEquals("gpt-4.1", chat.getJsonObject("attributes").getString("gen_ai.request.model"));

        JsonObject call = tool.getJsonObject("tool_call");
        assertEquals("call_VSPygqKTWdrhaFErNvMV18Yl", call.getString("id"));
        assertEquals("LIS", call.getJsonObject("arguments").getString("destination"));
        assertEquals(74.5, call.getJsonObject("result").getJsonArray("flights").getJsonObject(1).getJsonNumber("fare_eur").doubleValue());
        assertTrue(tool.getJsonObject("attributes").getBoolean("app.travel_policy.checked"), "unknown attributes are kept");
    }

    @Test
    void spansOfSeveralResourcesAndScopesAreNumberedInDocumentOrder() {
        List<SpanRecord> records = read("multiple-resources.jsonl", 0);
        assertEquals(List.of(0, 1, 2, 3, 4), records.stream().map(SpanRecord::spanIndex).toList());
        assertEquals(List.of("8f3a9c1e2d4b5a6978c0d1e2f3a4b5c6/1111111111111111", "8f3a9c1e2d4b5a6978c0d1e2f3a4b5c6/2222222222222222",
                "8f3a9c1e2d4b5a6978c0d1e2f3a4b5c6/3333333333333333", "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f/4444444444444444",
                "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f/5555555555555555"), records.stream().map(SpanRecord::spanRef).toList());
        List<AuditEventDraft> drafts = records.stream().map(OtlpGenAiSpanFixturesTest::draft).toList();
        assertEquals(records.stream().map(SpanRecord::spanRef).toList(), drafts.stream().map(AuditEventDraft::sourceEventId).toList());
        assertEquals(List.of("claims-triage", "claims-triage", "claims-triage", "Helpdesk", "it-helpdesk-agent"),
                drafts.stream().map(AuditEventDraft::agentId).toList());
        assertEquals(Arrays.asList("eu-central-1", "eu-central-1", "eu-central-1", "us-east-1", "us-east-1"),
                drafts.stream().map(AuditEventDraft::region).toList(), "each span gets its own resource");
        assertEquals(Arrays.asList("production", "production", "production", null, null),
                drafts.stream().map(AuditEventDraft::deployment).toList());
        assertEquals(Arrays.asList(null, "fetch_claim", "route_claim", "Helpdesk", null),
                drafts.stream().map(AuditEventDraft::target).toList());
        assertEquals(List.of("opentelemetry.instrumentation.openai_v2", "io.example.claims", "io.example.claims", "langchain", "langchain"),
                drafts.stream().map(d -> content(d).getJsonObject("span").getJsonObject("scope").getString("name")).toList(),
                "each span gets its own scope");
        assertEquals("emp-118", drafts.get(4).subjectRef());
    }

    @Test
    void errorSpansCarryTheErrorTypeOrElseTheStatusMessage() {
        List<SpanRecord> records = read("error-spans.jsonl", 0);
        AuditEventDraft rateLimited = draft(records.get(0));
        AuditEventDraft timedOut = draft(records.get(1));
        assertEquals("error", rateLimited.result());
        assertEquals("openai.RateLimitError", rateLimited.error());
        JsonObject content = content(rateLimited);
        assertEquals("Error code: 429 - rate limit reached", content.getJsonObject("span").getString("status_message"));
        JsonObject exception = content.getJsonArray("events").getJsonObject(0);
        assertEquals("exception", exception.getString("name"));
        assertTrue(exception.getJsonObject("attributes").getString("exception.stacktrace").contains("openai.RateLimitError"));

        assertEquals("error", timedOut.result(), "the enum name STATUS_CODE_ERROR is understood");
        assertEquals("lookup_order timed out after 30 s", timedOut.error());
        assertEquals("lookup_order", timedOut.target());
        assertEquals(30000L, timedOut.latencyMs());
        assertEquals("77812", content(timedOut).getJsonObject("tool_call").getJsonObject("arguments").getString("order_id"));
    }

    @Test
    void brokenLinesAreOneRejectionEach() {
        assertEquals(List.of(new SpanRecord(0, null,
                new ParsedRecord.Rejected("not valid JSON: the line ends before the JSON object is complete"))),
                read("malformed.jsonl", 0));
        assertEquals(List.of(new SpanRecord(0, null,
                new ParsedRecord.Rejected("field 'resourceSpans' must be an array, but is an object"))),
                read("malformed.jsonl", 1));
    }

    @Test
    void badSpansAreRejectedAloneAndTheirGoodSiblingIsRead() {
        List<SpanRecord> records = read("malformed.jsonl", 2);
        String trace = "e1e2e3e4e5e6e7e8e9eaebecedeeeff0/";
        assertEquals(7, records.size());
        assertEquals("pricing-bot", draft(records.get(0)).agentId());
        assertAll(
                () -> assertEquals(trace + "0000000000000b01", records.get(0).spanRef()),
                () -> assertEquals("span has no traceId", reason(records.get(1))),
                () -> assertNull(records.get(1).spanRef()),
                () -> assertEquals("field 'spanId' must be 16 hexadecimal digits", reason(records.get(2))),
                () -> assertNull(records.get(2).spanRef()),
                () -> assertEquals("span ends before it starts (endTimeUnixNano is earlier than startTimeUnixNano)", reason(records.get(3))),
                () -> assertEquals(trace + "0000000000000b04", records.get(3).spanRef()),
                () -> assertEquals("field 'gen_ai.usage.input_tokens' must be a non-negative integer", reason(records.get(4))),
                () -> assertEquals("attribute 'gen_ai.request.seed' has an intValue that is not a 64-bit integer", reason(records.get(5))),
                () -> assertEquals(trace + "0000000000000b06", records.get(5).spanRef()),
                () -> assertEquals("field 'traceId' must be 32 hexadecimal digits (OTLP/JSON writes ids in hex, not base64)",
                        reason(records.get(6))));
    }

    @Test
    void everyFixtureLineIsAnsweredAndSpanIndexesCountUp() {
        for (String fixture : FIXTURES) {
            for (String line : lines(fixture)) {
                List<SpanRecord> records = format.parse(line.getBytes(StandardCharsets.UTF_8));
                assertFalse(records.isEmpty(), fixture);
                for (int i = 0; i < records.size(); i++) {
                    assertEquals(i, records.get(i).spanIndex(), fixture);
                }
            }
        }
    }
}
