package io.trailkeeper.ingest.format.otlp.control;

import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.SPAN_ID;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.START;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.TRACE_ID;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.integer;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.kv;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.line;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.nanos;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.q;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.span;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.str;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.trail.entity.AuditEventDraft;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping rules, one at a time, on a single chat span that each test changes. */
class OtlpGenAiSpanFormatTest {

    final OtlpGenAiSpanFormat format = new OtlpGenAiSpanFormat(Clock.fixed(OtlpLines.NOW, ZoneOffset.UTC));

    List<SpanRecord> parse(String line) {
        return format.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    AuditEventDraft accepted(OtlpLines.Line line) {
        List<SpanRecord> records = parse(line.json());
        assertEquals(1, records.size(), "one span, one record");
        if (records.get(0).parsed() instanceof ParsedRecord.Rejected rejected) {
            throw new AssertionError("expected the span to be accepted, but: " + rejected.reason());
        }
        return ((ParsedRecord.Accepted) records.get(0).parsed()).draft();
    }

    AuditEventDraft accepted(OtlpLines.Span span) {
        return accepted(line(span));
    }

    String rejected(OtlpLines.Line line) {
        List<SpanRecord> records = parse(line.json());
        assertEquals(1, records.size(), "one span, one record");
        return assertInstanceOf(ParsedRecord.Rejected.class, records.get(0).parsed(), "expected a rejection").reason();
    }

    String rejected(OtlpLines.Span span) {
        return rejected(line(span));
    }

    static JsonObject content(AuditEventDraft draft) {
        return OtlpLines.JSON.createReader(new StringReader(draft.contentJson())).readObject();
    }

    static JsonObject attributes(AuditEventDraft draft) {
        return content(draft).getJsonObject("attributes");
    }

    static JsonObject parseJson(String text) {
        return OtlpLines.JSON.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aMinimalChatSpanMapsToAnEvent() {
        AuditEventDraft draft = accepted(span());
        assertEquals(new AuditEventDraft(TRACE_ID + "/" + SPAN_ID, Instant.parse("2026-11-20T10:00:00.123Z"),
                "support-chat", null, null, null, null, null, null, "chat", null, "unset", null, null,
                null, null, null, 1500L, null, null, draft.contentJson()), draft);
        assertEquals("{\"span\":{\"name\":\"chat gpt-4o\",\"kind\":\"CLIENT\",\"scope\":{\"name\":\"io.example.instrumentation\","
                + "\"version\":\"1.0.0\"}}}", draft.contentJson());
    }

    @Nested
    class SourceEventId {

        @Test
        void isTraceIdSlashSpanIdInLowerCase() {
            List<SpanRecord> records = parse(line(span().field("traceId", q("5B8EFFF798038103D269B633813FC60C"))
                    .field("spanId", q("EEE19B7EC3C1B174"))).json());
            SpanRecord record = records.get(0);
            assertEquals(TRACE_ID + "/" + SPAN_ID, record.spanRef());
            assertEquals(TRACE_ID + "/" + SPAN_ID,
                    assertInstanceOf(ParsedRecord.Accepted.class, record.parsed()).draft().sourceEventId());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "traceId | '5b8efff798038103d269b633813fc60'   | field 'traceId' must be 32 hexadecimal digits",
            "traceId | '5b8efff798038103d269b633813fc60c0' | field 'traceId' must be 32 hexadecimal digits",
            "traceId | '5b8efff798038103d269b633813fc6xz'  | field 'traceId' must be 32 hexadecimal digits",
            "traceId | '00000000000000000000000000000000'  | field 'traceId' is all zeros, which is not a valid id",
            "traceId | 'W47/95gDgQPSabYzgT/GDA=='          | field 'traceId' must be 32 hexadecimal digits (OTLP/JSON writes ids in hex, not base64)",
            "spanId  | 'eee19b7ec3c1b17'                   | field 'spanId' must be 16 hexadecimal digits",
            "spanId  | 'eee19b7ec3c1b17g'                  | field 'spanId' must be 16 hexadecimal digits",
            "spanId  | '0000000000000000'                  | field 'spanId' is all zeros, which is not a valid id",
            "spanId  | '7uGbfsPBsXQ='                      | field 'spanId' must be 16 hexadecimal digits (OTLP/JSON writes ids in hex, not base64)",
        })
        void badIdsAreRejectedWithoutAReference(String field, String id, String reason) {
            List<SpanRecord> records = parse(line(span().field(field, q(id))).json());
            assertEquals(reason, assertInstanceOf(ParsedRecord.Rejected.class, records.get(0).parsed()).reason());
            assertNull(records.get(0).spanRef());
        }

        @Test
        void missingOrEmptyIdsAreNamed() {
            assertEquals("span has no traceId", rejected(span().without("traceId")));
            assertEquals("span has no traceId", rejected(span().field("traceId", "\"\"")));
            assertEquals("span has no spanId", rejected(span().field("spanId", "null")));
            assertEquals("field 'traceId' must be a string, but is a number", rejected(span().field("traceId", "12345")));
        }

        @Test
        void aSpanRejectedForAnotherReasonKeepsItsReference() {
            List<SpanRecord> records = parse(line(span().without("startTimeUnixNano")).json());
            assertEquals(TRACE_ID + "/" + SPAN_ID, records.get(0).spanRef());
            assertInstanceOf(ParsedRecord.Rejected.class, records.get(0).parsed());
        }
    }

    @Nested
    class OccurredAt {

        @Test
        void isTheStartInUtcTruncatedToMilliseconds() {
            assertEquals(Instant.parse("2026-11-20T10:00:00.123Z"), accepted(span()).occurredAt());
            assertEquals(Instant.parse("2026-11-20T10:00:00.999Z"),
                    accepted(span().field("startTimeUnixNano", nanos(Instant.parse("2026-11-20T10:00:00.999999999Z")))
                            .without("endTimeUnixNano")).occurredAt());
        }

        @Test
        void aJsonNumberIsAcceptedLikeTheDecimalString() {
            long nanos = START.getEpochSecond() * 1_000_000_000L + START.getNano();
            AuditEventDraft draft = accepted(span().field("startTimeUnixNano", Long.toString(nanos))
                    .field("endTimeUnixNano", Long.toString(nanos + 2_000_000)));
            assertEquals(Instant.parse("2026-11-20T10:00:00.123Z"), draft.occurredAt());
            assertEquals(2L, draft.latencyMs());
        }

        @Test
        void aMissingOrZeroStartIsRejected() {
            assertEquals("span has no startTimeUnixNano", rejected(span().without("startTimeUnixNano")));
            assertEquals("span has no startTimeUnixNano", rejected(span().field("startTimeUnixNano", "\"0\"")));
        }

        @Test
        void implausibleStartsAreRejectedLikeInTheAgentActionFormat() {
            assertEquals("startTimeUnixNano 946684799999999999 is before 2000-01-01",
                    rejected(span().field("startTimeUnixNano", "\"946684799999999999\"").without("endTimeUnixNano")));
            assertEquals("startTimeUnixNano 1795000000000 is before 2000-01-01; it looks like epoch milliseconds,"
                            + " but OTLP times are nanoseconds",
                    rejected(span().field("startTimeUnixNano", "\"1795000000000\"").without("endTimeUnixNano")));
            assertEquals("startTimeUnixNano 1795000000000000 is before 2000-01-01; it looks like epoch microseconds,"
                            + " but OTLP times are nanoseconds",
                    rejected(span().field("startTimeUnixNano", "\"1795000000000000\"").without("endTimeUnixNano")));
            assertEquals("startTimeUnixNano 1795000000 is before 2000-01-01; it looks like epoch seconds,"
                            + " but OTLP times are nanoseconds",
                    rejected(span().field("startTimeUnixNano", "\"1795000000\"").without("endTimeUnixNano")));
            assertEquals("startTimeUnixNano 42 is before 2000-01-01",
                    rejected(span().field("startTimeUnixNano", "\"42\"").without("endTimeUnixNano")));
            assertEquals("startTimeUnixNano 2026-11-22T12:00:00.000000001Z is more than 1 day in the future"
                            + " (the server's clock reads 2026-11-21T12:00:00Z)",
                    rejected(span().field("startTimeUnixNano", nanos(Instant.parse("2026-11-22T12:00:00.000000001Z")))
                            .without("endTimeUnixNano")));
            assertEquals(Instant.parse("2026-11-22T12:00:00Z"),
                    accepted(span().field("startTimeUnixNano", nanos(Instant.parse("2026-11-22T12:00:00Z")))
                            .without("endTimeUnixNano")).occurredAt(), "a clock up to a day ahead is drift");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"-1\"", "\"1.7e18\"", "\" 1795000000000000000\"", "-1", "1.5", "true", "{}", "\"\""})
        void aStartThatIsNotAnUnsignedIntegerIsRejected(String value) {
            assertEquals("field 'startTimeUnixNano' must be nanoseconds since the epoch as a decimal string or a whole number",
                    rejected(span().field("startTimeUnixNano", value)));
        }

        @Test
        void aStartBeyondTheSignedRangeIsNamedAsSuch() {
            assertEquals("field 'startTimeUnixNano' lies after the year 2262",
                    rejected(span().field("startTimeUnixNano", "\"18446744073709551615\"")));
        }
    }

    @Nested
    class LatencyMs {

        @ParameterizedTest
        @CsvSource({"0, 0", "499999, 0", "500000, 1", "1499999, 1", "1500000, 2", "1843500000, 1844"})
        void isTheDurationInMillisecondsRoundedHalfUp(long durationNanos, long expected) {
            long start = START.getEpochSecond() * 1_000_000_000L + START.getNano();
            assertEquals(expected, accepted(span().field("endTimeUnixNano", q(Long.toString(start + durationNanos)))).latencyMs());
        }

        @Test
        void aMissingOrZeroEndMeansUnknown() {
            assertNull(accepted(span().without("endTimeUnixNano")).latencyMs());
            assertNull(accepted(span().field("endTimeUnixNano", "\"0\"")).latencyMs());
        }

        @Test
        void anEndBeforeTheStartIsRejected() {
            assertEquals("span ends before it starts (endTimeUnixNano is earlier than startTimeUnixNano)",
                    rejected(span().field("endTimeUnixNano", nanos(START.minusNanos(1)))));
        }
    }

    @Nested
    class Agent {

        @Test
        void theAgentIdWinsAndTheNameIsKeptAsName() {
            AuditEventDraft draft = accepted(span().text("gen_ai.agent.id", "asst_5j66UpCpwteGg4YSxUnt7lPY")
                    .text("gen_ai.agent.name", "Booking Assistant").text("gen_ai.agent.version", "2026.11.1"));
            assertEquals("asst_5j66UpCpwteGg4YSxUnt7lPY", draft.agentId());
            assertEquals("Booking Assistant", draft.agentName());
            assertEquals("2026.11.1", draft.agentVersion());
            assertEquals("support-chat", content(draft).getJsonObject("resource").getString("service.name"),
                    "service.name was not needed, so it stays in the content");
        }

        @Test
        void theAgentNameStandsInForAMissingOrBlankId() {
            assertEquals("Booking Assistant", accepted(span().text("gen_ai.agent.name", "Booking Assistant")).agentId());
            assertEquals("Booking Assistant", accepted(span().text("gen_ai.agent.id", " ")
                    .text("gen_ai.agent.name", "Booking Assistant")).agentId());
        }

        @Test
        void theServiceStandsInForAnAgentWithoutAttributes() {
            AuditEventDraft draft = accepted(line(span()).resource(kv("service.name", str("travel-desk")),
                    kv("service.version", str("3.2.0"))));
            assertEquals("travel-desk", draft.agentId());
            assertNull(draft.agentName());
            assertEquals("3.2.0", draft.agentVersion());
            assertFalse(content(draft).containsKey("resource"), "both resource attributes became columns");
        }

        @Test
        void theAgentVersionWinsOverTheServiceVersion() {
            AuditEventDraft draft = accepted(line(span().text("gen_ai.agent.version", "7"))
                    .resource(kv("service.name", str("travel-desk")), kv("service.version", str("3.2.0"))));
            assertEquals("7", draft.agentVersion());
            assertEquals("3.2.0", content(draft).getJsonObject("resource").getString("service.version"));
        }

        @Test
        void aSpanWithoutAnyAgentIsRejected() {
            assertEquals("span has no agent: expected gen_ai.agent.id, gen_ai.agent.name or resource service.name",
                    rejected(line(span()).resource(kv("service.namespace", str("shop")))));
            assertEquals("span has no agent: expected gen_ai.agent.id, gen_ai.agent.name or resource service.name",
                    rejected(line(span().text("gen_ai.agent.id", "")).resource(kv("service.name", str("  ")))));
        }
    }

    @Nested
    class DeploymentAndRegion {

        @Test
        void comeFromTheResourceAndTheCloudProviderStaysInTheContent() {
            AuditEventDraft draft = accepted(line(span()).resource(kv("service.name", str("travel-desk")),
                    kv("deployment.environment.name", str("production")), kv("cloud.provider", str("aws")),
                    kv("cloud.region", str("eu-west-1"))));
            assertEquals("production", draft.deployment());
            assertEquals("eu-west-1", draft.region());
            assertEquals(OtlpLines.JSON.createObjectBuilder().add("cloud.provider", "aws").build(), content(draft).getJsonObject("resource"));
        }

        @Test
        void theOlderDeploymentAttributeIsReadWhenTheNewerIsMissing() {
            assertEquals("staging", accepted(line(span()).resource(kv("service.name", str("a")),
                    kv("deployment.environment", str("staging")))).deployment());
        }

        @Test
        void whenBothDeploymentAttributesArePresentTheNewerWinsAndTheOlderIsKept() {
            AuditEventDraft draft = accepted(line(span()).resource(kv("service.name", str("a")),
                    kv("deployment.environment", str("staging")), kv("deployment.environment.name", str("production"))));
            assertEquals("production", draft.deployment());
            assertEquals("staging", content(draft).getJsonObject("resource").getString("deployment.environment"));
        }
    }

    @Nested
    class SubjectAndSession {

        @Test
        void userIdWinsOverEnduserIdWhichIsKept() {
            AuditEventDraft draft = accepted(span().text("enduser.id", "cust-1").text("user.id", "cust-2"));
            assertEquals("cust-2", draft.subjectRef());
            assertEquals("cust-1", attributes(draft).getString("enduser.id"));
        }

        @Test
        void enduserIdAlone() {
            assertEquals("cust-4411", accepted(span().text("enduser.id", "cust-4411")).subjectRef());
        }

        @Test
        void sessionIdWinsOverTheConversationIdWhichIsKept() {
            AuditEventDraft draft = accepted(span().text("gen_ai.conversation.id", "conv_1").text("session.id", "sess-7f3a"));
            assertEquals("sess-7f3a", draft.sessionId());
            assertEquals("conv_1", attributes(draft).getString("gen_ai.conversation.id"));
        }

        @Test
        void theConversationIdAlone() {
            assertEquals("conv_5j66UpCpwteGg4YSxUnt7lPY",
                    accepted(span().text("gen_ai.conversation.id", "conv_5j66UpCpwteGg4YSxUnt7lPY")).sessionId());
        }

        @Test
        void aNumericUserIdBecomesText() {
            assertEquals("4411", accepted(span().attribute("user.id", integer("4411"))).subjectRef());
        }
    }

    @Nested
    class ActionAndTarget {

        @Test
        void theActionIsTheOperationNameElseTheSpanName() {
            assertEquals("chat", accepted(span()).action());
            assertEquals("chat gpt-4o", accepted(span().withoutAttribute("gen_ai.operation.name")).action());
            assertEquals("span has no action: expected gen_ai.operation.name or a span name",
                    rejected(span().withoutAttribute("gen_ai.operation.name").field("name", "\"\"")));
        }

        @Test
        void aToolOperationTargetsTheTool() {
            AuditEventDraft draft = accepted(span().text("gen_ai.operation.name", "execute_tool")
                    .text("gen_ai.tool.name", "search_flights").text("gen_ai.agent.name", "Booking Assistant"));
            assertEquals("search_flights", draft.target());
            assertEquals("Booking Assistant", draft.agentName());
        }

        @ParameterizedTest
        @ValueSource(strings = {"invoke_agent", "create_agent"})
        void anAgentOperationTargetsTheAgent(String operation) {
            AuditEventDraft draft = accepted(span().text("gen_ai.operation.name", operation)
                    .text("gen_ai.agent.name", "Booking Assistant"));
            assertEquals(operation, draft.action());
            assertEquals("Booking Assistant", draft.target());
        }

        @Test
        void otherOperationsHaveNoTargetAndKeepAToolNameAsContent() {
            AuditEventDraft draft = accepted(span().text("gen_ai.tool.name", "search_flights"));
            assertNull(draft.target());
            assertEquals("search_flights", attributes(draft).getString("gen_ai.tool.name"));
        }
    }

    @Nested
    class ResultAndError {

        @ParameterizedTest
        @CsvSource({"'', unset", "'\"status\":{},', unset", "'\"status\":{\"code\":0},', unset",
            "'\"status\":{\"code\":1},', ok", "'\"status\":{\"code\":2},', error",
            "'\"status\":{\"code\":\"STATUS_CODE_UNSET\"},', unset", "'\"status\":{\"code\":\"STATUS_CODE_OK\"},', ok",
            "'\"status\":{\"code\":\"STATUS_CODE_ERROR\"},', error"})
        void theResultIsTheStatus(String status, String result) {
            String spanJson = span().json().replaceFirst("\\{", "{" + status);
            assertEquals(result, accepted(line().rawSpan(spanJson)).result());
        }

        @ParameterizedTest
        @ValueSource(strings = {"3", "-1", "1.5", "\"2\"", "\"ERROR\"", "true"})
        void anUnknownStatusCodeIsRejected(String code) {
            assertEquals("field 'status.code' must be 0 (unset), 1 (ok) or 2 (error)",
                    rejected(span().field("status", "{\"code\":" + code + "}")));
        }

        @Test
        void theErrorIsTheErrorTypeAndTheStatusMessageIsKept() {
            AuditEventDraft draft = accepted(span().text("error.type", "openai.RateLimitError")
                    .field("status", "{\"code\":2,\"message\":\"Error code: 429\"}"));
            assertEquals("error", draft.result());
            assertEquals("openai.RateLimitError", draft.error());
            assertEquals("Error code: 429", content(draft).getJsonObject("span").getString("status_message"));
        }

        @Test
        void anErrorStatusMessageStandsInForAMissingErrorType() {
            AuditEventDraft draft = accepted(span().field("status", "{\"code\":2,\"message\":\"lookup_order timed out after 30 s\"}"));
            assertEquals("lookup_order timed out after 30 s", draft.error());
            assertFalse(content(draft).getJsonObject("span").containsKey("status_message"), "mapped, so not repeated");
        }

        @Test
        void aStatusMessageWithoutErrorIsOnlyContent() {
            AuditEventDraft draft = accepted(span().field("status", "{\"code\":1,\"message\":\"served from cache\"}"));
            assertNull(draft.error());
            assertEquals("served from cache", content(draft).getJsonObject("span").getString("status_message"));
        }

        @Test
        void anErrorWithoutTypeOrMessageHasNoErrorText() {
            AuditEventDraft draft = accepted(span().field("status", "{\"code\":2}"));
            assertEquals("error", draft.result());
            assertNull(draft.error());
        }
    }

    @Nested
    class ModelAndTokens {

        @Test
        void theResponseModelWinsAndTheRequestModelIsKept() {
            AuditEventDraft draft = accepted(span().text("gen_ai.request.model", "gpt-4o")
                    .text("gen_ai.response.model", "gpt-4o-2024-08-06"));
            assertEquals("gpt-4o-2024-08-06", draft.model());
            assertEquals("gpt-4o", attributes(draft).getString("gen_ai.request.model"));
        }

        @Test
        void theRequestModelAlone() {
            assertEquals("gpt-4o", accepted(span().text("gen_ai.request.model", "gpt-4o")).model());
        }

        @Test
        void newerDialectTokens() {
            AuditEventDraft draft = accepted(span().attribute("gen_ai.usage.input_tokens", integer("812"))
                    .attribute("gen_ai.usage.output_tokens", "{\"intValue\":95}"));
            assertEquals(812L, draft.inputTokens());
            assertEquals(95L, draft.outputTokens());
        }

        @Test
        void olderDialectTokens() {
            AuditEventDraft draft = accepted(span().attribute("gen_ai.usage.prompt_tokens", integer("54"))
                    .attribute("gen_ai.usage.completion_tokens", integer("23")));
            assertEquals(54L, draft.inputTokens());
            assertEquals(23L, draft.outputTokens());
        }

        @Test
        void whenBothDialectsArePresentTheNewerWinsAndTheOlderIsKept() {
            AuditEventDraft draft = accepted(span().attribute("gen_ai.usage.prompt_tokens", integer("50"))
                    .attribute("gen_ai.usage.input_tokens", integer("54")));
            assertEquals(54L, draft.inputTokens());
            assertEquals(50, attributes(draft).getInt("gen_ai.usage.prompt_tokens"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "gen_ai.usage.input_tokens      | {\"intValue\":\"-12\"}",
            "gen_ai.usage.output_tokens     | {\"intValue\":-1}",
            "gen_ai.usage.prompt_tokens     | {\"doubleValue\":12.5}",
            "gen_ai.usage.completion_tokens | {\"stringValue\":\"many\"}",
            "gen_ai.usage.input_tokens      | {\"arrayValue\":{\"values\":[]}}",
        })
        void tokenCountsMustBeNonNegativeIntegers(String attribute, String value) {
            assertEquals("field '" + attribute + "' must be a non-negative integer", rejected(span().attribute(attribute, value)));
        }
    }

    @Test
    void columnsTheConventionsDoNotCoverStayEmpty() {
        AuditEventDraft draft = accepted(span().text("gen_ai.agent.name", "a").text("user.id", "u"));
        assertAll(
                () -> assertNull(draft.humanConfirmed()),
                () -> assertNull(draft.reason()),
                () -> assertNull(draft.dataCategory()));
    }

    @Nested
    class LengthLimits {

        @Test
        void identifiersAreLimitedTo200Characters() {
            assertEquals("x".repeat(200), accepted(span().text("gen_ai.agent.id", "x".repeat(200))).agentId());
            assertEquals("field 'gen_ai.agent.id' is 201 characters long; the limit is 200",
                    rejected(span().text("gen_ai.agent.id", "x".repeat(201))));
            assertEquals("field 'session.id' is 201 characters long; the limit is 200",
                    rejected(span().text("session.id", "x".repeat(201))));
            assertEquals("field 'gen_ai.response.model' is 201 characters long; the limit is 200",
                    rejected(span().text("gen_ai.response.model", "x".repeat(201))));
            assertEquals("field 'cloud.region' is 201 characters long; the limit is 200",
                    rejected(line(span()).resource(kv("service.name", str("a")), kv("cloud.region", str("x".repeat(201))))));
            assertEquals("span name is 201 characters long; the limit is 200",
                    rejected(span().withoutAttribute("gen_ai.operation.name").field("name", q("x".repeat(201)))));
        }

        @Test
        void charactersAreCountedNotUtf16Units() {
            String emoji = "\uD83D\uDE80".repeat(200);
            assertEquals(emoji, accepted(span().text("user.id", emoji)).subjectRef());
        }

        @Test
        void targetAndErrorAreLimitedTo2000Characters() {
            OtlpLines.Span tool = span().text("gen_ai.operation.name", "execute_tool");
            assertEquals(2000, accepted(tool.text("gen_ai.tool.name", "t".repeat(2000))).target().length());
            assertEquals("field 'gen_ai.tool.name' is 2001 characters long; the limit is 2000",
                    rejected(tool.text("gen_ai.tool.name", "t".repeat(2001))));
            assertEquals("field 'error.type' is 2001 characters long; the limit is 2000",
                    rejected(span().text("error.type", "e".repeat(2001))));
            assertEquals("span status message is 2001 characters long; the limit is 2000",
                    rejected(span().field("status", "{\"code\":2,\"message\":" + q("m".repeat(2001)) + "}")));
        }

        @Test
        void aLongStatusMessageThatIsNotTheErrorIsJustContent() {
            AuditEventDraft draft = accepted(span().text("error.type", "Timeout")
                    .field("status", "{\"code\":2,\"message\":" + q("m".repeat(5000)) + "}"));
            assertEquals(5000, content(draft).getJsonObject("span").getString("status_message").length());
        }
    }

    @Nested
    class Content {

        @Test
        void theProviderComesFromEitherDialect() {
            assertEquals("openai", content(accepted(span().text("gen_ai.system", "openai"))).getString("provider"));
            assertEquals("aws.bedrock", content(accepted(span().text("gen_ai.provider.name", "aws.bedrock"))).getString("provider"));
            AuditEventDraft both = accepted(span().text("gen_ai.system", "az.ai.inference")
                    .text("gen_ai.provider.name", "azure.ai.inference"));
            assertEquals("azure.ai.inference", content(both).getString("provider"));
            assertEquals("az.ai.inference", attributes(both).getString("gen_ai.system"));
        }

        @Test
        void messagesGivenAsJsonStringsAreParsed() {
            AuditEventDraft draft = accepted(span()
                    .text("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]")
                    .text("gen_ai.output.messages", " [{\"role\":\"assistant\",\"parts\":[],\"finish_reason\":\"stop\"}] ")
                    .text("gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"You are a translator.\"}]"));
            JsonObject content = content(draft);
            assertEquals("Weather in Paris?", content.getJsonArray("input_messages").getJsonObject(0)
                    .getJsonArray("parts").getJsonObject(0).getString("content"));
            assertEquals("stop", content.getJsonArray("output_messages").getJsonObject(0).getString("finish_reason"));
            assertEquals("You are a translator.", content.getJsonArray("system_instructions").getJsonObject(0).getString("content"));
            assertFalse(content.containsKey("attributes"), "each message attribute appears once, parsed");
        }

        @Test
        void structuredMessagesBecomePlainJson() {
            String part = "{\"kvlistValue\":{\"values\":[" + kv("type", str("text")) + "," + kv("content", str("Hi")) + "]}}";
            String message = "{\"kvlistValue\":{\"values\":[" + kv("role", str("user")) + ","
                    + kv("parts", "{\"arrayValue\":{\"values\":[" + part + "]}}") + "]}}";
            AuditEventDraft draft = accepted(span().attribute("gen_ai.input.messages", "{\"arrayValue\":{\"values\":[" + message + "]}}"));
            assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi\"}]}]",
                    content(draft).get("input_messages").toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Paris, please", "[{\"role\":\"user\"", "42", "\"quoted\"", "{} trailing", ""})
        void messageTextThatIsNotAJsonObjectOrArrayIsKeptAsTheString(String text) {
            AuditEventDraft draft = accepted(span().text("gen_ai.input.messages", text));
            assertEquals(text, content(draft).getString("input_messages"));
        }

        @Test
        void toolCallArgumentsAndResultAreParsedWhenTheyAreJson() {
            AuditEventDraft draft = accepted(span().text("gen_ai.operation.name", "execute_tool").text("gen_ai.tool.name", "get_weather")
                    .text("gen_ai.tool.call.id", "call_VSPygqKTWdrhaFErNvMV18Yl")
                    .text("gen_ai.tool.call.arguments", "{\"location\":\"Paris\",\"days\":3}")
                    .text("gen_ai.tool.call.result", "rainy, 57°F"));
            assertEquals(parseJson("{\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\",\"arguments\":{\"location\":\"Paris\",\"days\":3},"
                    + "\"result\":\"rainy, 57°F\"}"), content(draft).getJsonObject("tool_call"));
        }

        @Test
        void olderDialectMessageEventsAreKeptInOrderWithNameTimeAndAttributes() {
            String events = "[{\"timeUnixNano\":" + nanos(START.plusNanos(1)) + ",\"name\":\"gen_ai.user.message\",\"attributes\":["
                    + kv("gen_ai.system", str("openai")) + "," + kv("content", str("Where is my order?")) + "]},"
                    + "{\"timeUnixNano\":" + nanos(START.plusMillis(900)) + ",\"name\":\"gen_ai.choice\",\"attributes\":["
                    + kv("index", integer("0")) + "," + kv("finish_reason", str("stop")) + ","
                    + kv("message", str("{\"role\":\"assistant\",\"content\":\"It ships today.\"}")) + "]}]";
            AuditEventDraft draft = accepted(span().text("gen_ai.system", "openai").field("events", events));
            assertEquals(parseJson("{\"m\":[{\"name\":\"gen_ai.user.message\",\"time\":\"2026-11-20T10:00:00.123456790Z\","
                    + "\"attributes\":{\"gen_ai.system\":\"openai\",\"content\":\"Where is my order?\"}},"
                    + "{\"name\":\"gen_ai.choice\",\"time\":\"2026-11-20T10:00:01.023456789Z\",\"attributes\":{\"index\":0,"
                    + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"It ships today.\"}}}]}")
                    .get("m"), content(draft).get("messages"));
            assertFalse(content(draft).containsKey("events"));
        }

        @Test
        void aJsonBodyOfAMessageEventIsParsed() {
            String events = "[{\"name\":\"gen_ai.assistant.message\",\"attributes\":[" + kv("gen_ai.event.content",
                    str("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\"}]}")) + "]},"
                    + "{\"name\":\"gen_ai.content.prompt\",\"attributes\":[" + kv("gen_ai.prompt",
                    str("[{\"role\":\"user\",\"content\":\"Hi\"}]")) + "]}]";
            JsonObject content = content(accepted(span().field("events", events)));
            assertEquals("call_1", content.getJsonArray("messages").getJsonObject(0).getJsonObject("attributes")
                    .getJsonObject("gen_ai.event.content").getJsonArray("tool_calls").getJsonObject(0).getString("id"));
            assertEquals("Hi", content.getJsonArray("messages").getJsonObject(1).getJsonObject("attributes")
                    .getJsonArray("gen_ai.prompt").getJsonObject(0).getString("content"));
        }

        @Test
        void otherEventsAreKeptAsSent() {
            String events = "[{\"timeUnixNano\":" + nanos(START.plusMillis(5)) + ",\"name\":\"exception\",\"attributes\":["
                    + kv("exception.type", str("TimeoutError")) + "," + kv("exception.message", str("{\"not\":\"parsed\"}")) + "]}]";
            JsonObject content = content(accepted(span().field("events", events)));
            assertEquals(parseJson("{\"e\":[{\"name\":\"exception\",\"time\":\"2026-11-20T10:00:00.128456789Z\",\"attributes\":"
                    + "{\"exception.type\":\"TimeoutError\",\"exception.message\":\"{\\\"not\\\":\\\"parsed\\\"}\"}}]}").get("e"),
                    content.get("events"));
            assertFalse(content.containsKey("messages"));
        }

        @Test
        void theSpanItselfIsDescribed() {
            AuditEventDraft draft = accepted(span().field("kind", "2").field("parentSpanId", q("B7AD6B7169203331"))
                    .field("traceState", q("vendor=abc")).field("droppedAttributesCount", "3").field("droppedEventsCount", "0")
                    .field("links", "[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"00f067aa0ba902b7\",\"attributes\":["
                            + kv("link.reason", str("retry of")) + "]}]")
                    .field("status", "{\"code\":1,\"message\":\"ok\"}"));
            assertEquals(parseJson("{\"name\":\"chat gpt-4o\",\"kind\":\"SERVER\",\"parent_span_id\":\"b7ad6b7169203331\","
                    + "\"trace_state\":\"vendor=abc\",\"scope\":{\"name\":\"io.example.instrumentation\",\"version\":\"1.0.0\"},"
                    + "\"status_message\":\"ok\",\"links\":[{\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\","
                    + "\"span_id\":\"00f067aa0ba902b7\",\"attributes\":{\"link.reason\":\"retry of\"}}],\"dropped_attributes_count\":3}"),
                    content(draft).getJsonObject("span"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "1 | INTERNAL", "2 | SERVER", "3 | CLIENT", "4 | PRODUCER", "5 | CONSUMER",
            "'\"SPAN_KIND_CONSUMER\"' | CONSUMER", "9 | 9"})
        void theKindIsNamed(String kind, String name) {
            assertEquals(name, content(accepted(span().field("kind", kind))).getJsonObject("span").get("kind").toString()
                    .replace("\"", ""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "\"SPAN_KIND_UNSPECIFIED\""})
        void anUnspecifiedKindIsLeftOut(String kind) {
            assertFalse(content(accepted(span().field("kind", kind))).getJsonObject("span").containsKey("kind"));
        }

        @Test
        void aRootSpanWrittenWithZerosHasNoParent() {
            assertFalse(content(accepted(span().field("parentSpanId", q("0000000000000000")))).getJsonObject("span")
                    .containsKey("parent_span_id"));
            assertEquals("field 'parentSpanId' must be 16 hexadecimal digits", rejected(span().field("parentSpanId", q("xyz"))));
        }

        @Test
        void unknownAttributesArePreservedWithTheirTypes() {
            AuditEventDraft draft = accepted(span()
                    .text("app.ticket", "T-1029")
                    .attribute("app.retries", integer("2"))
                    .attribute("app.score", "{\"doubleValue\":0.875}")
                    .attribute("app.cached", "{\"boolValue\":false}")
                    .attribute("app.tags", "{\"arrayValue\":{\"values\":[" + str("vip") + "," + integer("7") + "]}}")
                    .attribute("app.order", "{\"kvlistValue\":{\"values\":[" + kv("id", str("77812")) + "," + kv("total", "{\"doubleValue\":49.9}") + "]}}")
                    .attribute("app.signature", "{\"bytesValue\":\"3q2+7w==\"}")
                    .attribute("app.nothing", "{}"));
            assertEquals("{\"app.ticket\":\"T-1029\",\"app.retries\":2,\"app.score\":0.875,\"app.cached\":false,"
                    + "\"app.tags\":[\"vip\",7],\"app.order\":{\"id\":\"77812\",\"total\":49.9},\"app.signature\":\"3q2+7w==\","
                    + "\"app.nothing\":null}", attributes(draft).toString());
        }

        @Test
        void unmappedResourceAttributesArePreserved() {
            AuditEventDraft draft = accepted(line(span()).resource(kv("service.name", str("support-chat")),
                    kv("host.name", str("chat-web-2")), kv("process.pid", integer("4242"))));
            assertEquals("{\"host.name\":\"chat-web-2\",\"process.pid\":4242}", content(draft).getJsonObject("resource").toString());
        }

        @Test
        void scopeAttributesAreKeptWithTheScope() {
            AuditEventDraft draft = accepted(line(span()).scope("{\"name\":\"s\",\"attributes\":[" + kv("lib.mode", str("async")) + "]}"));
            assertEquals("{\"name\":\"s\",\"attributes\":{\"lib.mode\":\"async\"}}",
                    content(draft).getJsonObject("span").getJsonObject("scope").toString());
        }

        @Test
        void theContentListsItsPartsInAFixedOrder() {
            String events = "[{\"name\":\"gen_ai.user.message\"},{\"name\":\"retry\"}]";
            AuditEventDraft draft = accepted(line(span().text("gen_ai.operation.name", "execute_tool")
                    .text("app.x", "1").text("gen_ai.output.messages", "[]").text("gen_ai.tool.call.id", "c")
                    .text("gen_ai.input.messages", "[]").text("gen_ai.system_instructions", "[]").text("gen_ai.provider.name", "p")
                    .field("events", events)).resource(kv("service.name", str("a")), kv("host.name", str("h"))));
            assertEquals(List.of("provider", "system_instructions", "input_messages", "output_messages", "messages", "tool_call",
                    "span", "attributes", "resource", "events"), List.copyOf(content(draft).keySet()));
        }

        @Test
        void mappedAttributesAreNotRepeated() {
            AuditEventDraft draft = accepted(span().text("gen_ai.agent.id", "a").text("gen_ai.agent.name", "A")
                    .text("gen_ai.agent.version", "1").text("user.id", "u").text("session.id", "s")
                    .text("gen_ai.response.model", "m").attribute("gen_ai.usage.input_tokens", integer("1"))
                    .attribute("gen_ai.usage.output_tokens", integer("2")).text("error.type", "E"));
            assertFalse(content(draft).containsKey("attributes"));
        }
    }

    @Nested
    class Envelope {

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"resourceSpans\":[]}", "{\"resourceSpans\":null}",
            "{\"resourceSpans\":[{\"resource\":{}}]}", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[]}]}]}"})
        void aRequestWithoutSpansYieldsNothing(String line) {
            assertEquals(List.of(), parse(line));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"resourceSpans\":[                               | not valid JSON: the line ends before the JSON object is complete",
            "[]                                                 | expected a JSON object but found an array",
            "''                                                 | line is empty",
            "{\"resourceSpans\":{}}                              | field 'resourceSpans' must be an array, but is an object",
            "{\"resourceSpans\":[7]}                             | field 'resourceSpans[0]' must be an object, but is a number",
            "{\"resourceSpans\":[{\"scopeSpans\":\"x\"}]}       | field 'resourceSpans[0].scopeSpans' must be an array, but is a string",
            "{\"resourceSpans\":[{\"resource\":[]}]}            | field 'resourceSpans[0].resource' must be an object, but is an array",
            "{\"resourceSpans\":[{\"scopeSpans\":[null]}]}      | field 'resourceSpans[0].scopeSpans[0]' must be an object, but is null",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":{}}]}]} | field 'resourceSpans[0].scopeSpans[0].spans' must be an array, but is an object",
            "{\"resourceLogs\":[]}                               | line is an OTLP log export (resourceLogs), not a trace export",
            "{\"resourceMetrics\":[]}                            | line is an OTLP metric export (resourceMetrics), not a trace export",
            "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"agent_id\":\"a\"} | line is not an OTLP trace export: it has no field 'resourceSpans'",
        })
        void aLineThatIsNotATraceRequestIsOneRejection(String line, String reason) {
            assertEquals(List.of(new SpanRecord(0, null, new ParsedRecord.Rejected(reason))), parse(line));
        }

        @Test
        void aSpanThatIsNotAnObjectIsRejectedAloneAndCounted() {
            List<SpanRecord> records = parse(line(span().spanId("0000000000000001")).rawSpan("42").rawSpan("null")
                    .span(span().spanId("0000000000000002")).json());
            assertEquals(4, records.size());
            assertEquals(TRACE_ID + "/0000000000000001", records.get(0).spanRef());
            assertEquals(new SpanRecord(1, null, new ParsedRecord.Rejected("span must be an object, but is a number")), records.get(1));
            assertEquals(new SpanRecord(2, null, new ParsedRecord.Rejected("span must be an object, but is null")), records.get(2));
            assertEquals(3, records.get(3).spanIndex());
            assertInstanceOf(ParsedRecord.Accepted.class, records.get(3).parsed());
        }

        @Test
        void aBrokenResourceAttributeRejectsOnlyTheSpansOfThatResource() {
            String good = line(span().spanId("0000000000000001")).json();
            String bad = line(span().spanId("0000000000000002"), span().spanId("0000000000000003"))
                    .resource(kv("service.name", str("a")), kv("host.id", "{\"intValue\":\"12abc\"}")).json();
            String both = "{\"resourceSpans\":[" + inner(bad) + "," + inner(good) + "]}";
            List<SpanRecord> records = parse(both);
            assertEquals(3, records.size());
            assertEquals("resource attribute 'host.id' has an intValue that is not a 64-bit integer",
                    assertInstanceOf(ParsedRecord.Rejected.class, records.get(0).parsed()).reason());
            assertEquals(TRACE_ID + "/0000000000000002", records.get(0).spanRef());
            assertInstanceOf(ParsedRecord.Rejected.class, records.get(1).parsed());
            assertInstanceOf(ParsedRecord.Accepted.class, records.get(2).parsed());
        }

        /** @return the one resourceSpans entry of a line built by {@link OtlpLines} */
        private String inner(String line) {
            return line.substring("{\"resourceSpans\":[".length(), line.length() - 2);
        }

        @Test
        void aBrokenScopeRejectsOnlyItsSpans() {
            assertEquals("field 'resourceSpans[0].scopeSpans[0].scope.name' must be a string, but is a number",
                    rejected(line(span()).scope("{\"name\":5}")));
        }

        @Test
        void unknownFieldsAreIgnoredAsTheSpecificationRequires() {
            String spanJson = span().json().replaceFirst("\\{", "{\"flags\":257,\"futureField\":{\"a\":[1]},");
            String line = "{\"resourceSpans\":[{\"schemaUrl\":\"https://opentelemetry.io/schemas/1.27.0\",\"resource\":{\"attributes\":["
                    + kv("service.name", str("a")) + "],\"droppedAttributesCount\":0},\"scopeSpans\":[{\"schemaUrl\":\"x\",\"spans\":["
                    + spanJson + "]}]}],\"extra\":true}";
            List<SpanRecord> records = parse(line);
            assertEquals(1, records.size());
            assertInstanceOf(ParsedRecord.Accepted.class, records.get(0).parsed());
        }

        @Test
        void preOneDotZeroInstrumentationLibrarySpansAreRead() {
            String line = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[" + kv("service.name", str("legacy")) + "]},"
                    + "\"instrumentationLibrarySpans\":[{\"instrumentationLibrary\":{\"name\":\"old-lib\",\"version\":\"0.1\"},"
                    + "\"spans\":[" + span().json() + "]}]}]}";
            AuditEventDraft draft = assertInstanceOf(ParsedRecord.Accepted.class, parse(line).get(0).parsed()).draft();
            assertEquals("legacy", draft.agentId());
            assertEquals("old-lib", content(draft).getJsonObject("span").getJsonObject("scope").getString("name"));
        }

        @Test
        void aByteOrderMarkAndSurroundingWhitespaceAreTolerated() {
            byte[] text = (" " + line(span()).json() + " \r").getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[text.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(text, 0, withBom, 3, text.length);
            assertInstanceOf(ParsedRecord.Accepted.class, format.parse(withBom).get(0).parsed());
        }

        @Test
        void theResultIsImmutable() {
            List<SpanRecord> records = parse(line(span()).json());
            assertThrowsUnsupported(() -> records.add(records.get(0)));
        }

        private void assertThrowsUnsupported(Runnable change) {
            try {
                change.run();
            } catch (UnsupportedOperationException expected) {
                return;
            }
            throw new AssertionError("the list can be changed");
        }
    }

    @Test
    void reasonsNameTheAttributeButNeverQuoteTheContent() {
        String secret = "Card 4111 1111 1111 1111, CVV 123";
        String reason = rejected(span().text("gen_ai.input.messages", secret).text("user.id", secret)
                .attribute("gen_ai.usage.input_tokens", str(secret)));
        assertEquals("field 'gen_ai.usage.input_tokens' must be a non-negative integer", reason);
        String keyReason = rejected(span().attribute("evil\nkey", "{\"intValue\":\"x\"}"));
        assertEquals("attribute 'evil?key' has an intValue that is not a 64-bit integer", keyReason,
                "control characters in keys cannot forge log lines");
        assertTrue(List.of(reason, keyReason).stream().noneMatch(r -> r.contains("4111")));
    }

    /**
     * Text a span can carry through JSON escapes but the database and the log cannot hold as sent:
     * the span is rejected with the attribute's name, never stripped or altered, and its siblings are still read.
     */
    @Nested
    class TextThatCannotBeStored {

        static final String NUL = "contains U+0000 (a NUL character), which cannot be stored";

        /** A stringValue as an SDK escapes it; {@code str} would write the characters themselves. */
        static String escaped(String text) {
            return "{\"stringValue\":\"" + text + "\"}";
        }

        @Test
        void aNulCharacterRejectsTheSpanNamingTheAttribute() {
            assertEquals("field 'gen_ai.agent.id' " + NUL, rejected(span().attribute("gen_ai.agent.id", escaped("bot\\u0000"))));
            assertEquals("field 'error.type' " + NUL, rejected(span().attribute("error.type", escaped("\\u0000"))));
            assertEquals("field 'service.name' " + NUL, rejected(line(span()).resource(kv("service.name", escaped("chat\\u0000")))));
            assertEquals("span name " + NUL,
                    rejected(span().withoutAttribute("gen_ai.operation.name").field("name", "\"chat\\u0000\"")));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "a high half alone, a\\ud800b, d800",
            "a low half alone, a\\udc00b, dc00",
            "a high half at the end, ab\\ud83d, d83d",
            "both halves in the wrong order, \\ude00\\ud83d, de00"})
        void anUnpairedSurrogateRejectsTheSpanNamingTheAttribute(String description, String escaped, String codeUnit) {
            String problem = "contains an unpaired surrogate (\\u" + codeUnit + "), which is not valid Unicode";
            assertEquals("field 'user.id' " + problem, rejected(span().attribute("user.id", escaped(escaped))));
            assertEquals("field 'gen_ai.tool.name' " + problem, rejected(span().text("gen_ai.operation.name", "execute_tool")
                    .attribute("gen_ai.tool.name", escaped(escaped))));
            assertEquals("span status message " + problem,
                    rejected(span().field("status", "{\"code\":2,\"message\":\"" + escaped + "\"}")));
        }

        @Test
        void aBadSpanIsRejectedAloneAndItsSiblingsAreStillRead() {
            List<SpanRecord> records = parse(line(
                    span().spanId("00f067aa0ba902b7"),
                    span().spanId("00f067aa0ba902b8").attribute("user.id", escaped("u\\u0000")),
                    span().spanId("00f067aa0ba902b9").attribute("session.id", escaped("s\\ud800")),
                    span().spanId("00f067aa0ba902ba")).json());

            assertEquals(4, records.size());
            assertEquals(TRACE_ID + "/00f067aa0ba902b7",
                    assertInstanceOf(ParsedRecord.Accepted.class, records.get(0).parsed()).draft().sourceEventId());
            assertEquals("field 'user.id' " + NUL, assertInstanceOf(ParsedRecord.Rejected.class, records.get(1).parsed()).reason());
            assertEquals("field 'session.id' contains an unpaired surrogate (\\ud800), which is not valid Unicode",
                    assertInstanceOf(ParsedRecord.Rejected.class, records.get(2).parsed()).reason());
            assertEquals(TRACE_ID + "/00f067aa0ba902ba",
                    assertInstanceOf(ParsedRecord.Accepted.class, records.get(3).parsed()).draft().sourceEventId());
        }

        @Test
        void surrogatePairsAreOrdinaryCharactersAndAreKept() {
            AuditEventDraft draft = accepted(span().attribute("user.id", escaped("\\ud83d\\ude00"))
                    .attribute("gen_ai.agent.id", str("bot-\uD83D\uDE80")).attribute("app.note", escaped("hi \\ud83d\\ude00")));
            assertEquals("\uD83D\uDE00", draft.subjectRef());
            assertEquals("bot-\uD83D\uDE80", draft.agentId());
            assertEquals("hi \uD83D\uDE00", attributes(draft).getString("app.note"));
        }

        @Test
        void aNulCharacterInTheContentIsKeptAsItsEscape() {
            AuditEventDraft draft = accepted(span().attribute("app.note", escaped("a\\u0000b")));
            assertTrue(draft.contentJson().contains("\"app.note\":\"a\\u0000b\""), draft.contentJson());
            assertEquals("a\u0000b", attributes(draft).getString("app.note"));
        }

        @Test
        void anUnpairedSurrogateInTheContentRejectsTheSpanWithoutNamingTheAttribute() {
            String problem = "a field kept as content contains an unpaired surrogate (\\ud800), which is not valid Unicode";
            assertEquals(problem, rejected(span().attribute("app.customer", escaped("Jane Doe \\ud800"))));
            String escapedKey = span().text("jane.doe", "x").json().replace("\"jane.doe\"", "\"jane.doe\\ud800\"");
            assertEquals(problem, rejected(line().rawSpan(escapedKey)), "an unknown key may be personal data");
        }

        @Test
        void embeddedJsonWhoseEscapesMakeAnUnpairedSurrogateStaysTheTextItWas() {
            String messages = "[{\"role\":\"user\",\"content\":\"\\ud800\"}]";
            AuditEventDraft kept = accepted(span().text("gen_ai.input.messages", messages));
            assertEquals(messages, content(kept).getString("input_messages"), "the text is valid Unicode; its parsed form would not be");

            AuditEventDraft parsed = accepted(span().text("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"\\ud83d\\ude00\"}]"));
            assertEquals("\uD83D\uDE00", content(parsed).getJsonArray("input_messages").getJsonObject(0).getString("content"));
        }
    }
}
