package io.trailkeeper.ingest.format.agentaction.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.trail.entity.AuditEventDraft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentActionLogFormatTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final String EXAMPLE = "{\"timestamp\": \"2026-02-18T05:34:00Z\", \"agent_id\": \"support-bot\","
            + " \"action\": \"refund.issue\", \"target\": \"order/8812\", \"result\": \"success\","
            + " \"reason\": \"customer asked for refund within policy\", \"user_confirmed\": true,"
            + " \"session_id\": \"s-91a\", \"user\": \"cust-4411\", \"model\": \"gpt-4o-2024-08-06\","
            + " \"tokens\": {\"input\": 812, \"output\": 95}, \"latency_ms\": 1430, \"region\": \"eu-west-1\"}";
    /** The smallest line that is accepted; tests add the member they are about. */
    static final String CORE = "\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"a\", \"action\": \"x\"";

    final AgentActionLogFormat format = new AgentActionLogFormat(Clock.fixed(NOW, ZoneOffset.UTC), LineDigest.UNKEYED);

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    AuditEventDraft accepted(String line) {
        ParsedRecord record = format.parse(utf8(line));
        if (record instanceof ParsedRecord.Rejected rejected) {
            throw new AssertionError("expected the line to be accepted, but: " + rejected.reason());
        }
        return ((ParsedRecord.Accepted) record).draft();
    }

    String rejected(byte[] line) {
        ParsedRecord record = format.parse(line);
        return assertInstanceOf(ParsedRecord.Rejected.class, record, "expected a rejection").reason();
    }

    String rejected(String line) {
        return rejected(utf8(line));
    }

    /** A core line plus one more member. */
    static String with(String member) {
        return "{" + CORE + ", " + member + "}";
    }

    static String sha256(String text) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text)));
    }

    @Test
    void theExampleLineMapsEveryField() throws Exception {
        AuditEventDraft draft = accepted(EXAMPLE);
        assertAll(
                () -> assertEquals(sha256(EXAMPLE), draft.sourceEventId()),
                () -> assertEquals(Instant.parse("2026-02-18T05:34:00Z"), draft.occurredAt()),
                () -> assertEquals("support-bot", draft.agentId()),
                () -> assertNull(draft.agentName()),
                () -> assertNull(draft.agentVersion()),
                () -> assertNull(draft.deployment()),
                () -> assertEquals("eu-west-1", draft.region()),
                () -> assertEquals("cust-4411", draft.subjectRef()),
                () -> assertEquals("s-91a", draft.sessionId()),
                () -> assertEquals("refund.issue", draft.action()),
                () -> assertEquals("order/8812", draft.target()),
                () -> assertEquals("success", draft.result()),
                () -> assertEquals("customer asked for refund within policy", draft.reason()),
                () -> assertEquals(Boolean.TRUE, draft.humanConfirmed()),
                () -> assertEquals("gpt-4o-2024-08-06", draft.model()),
                () -> assertEquals(812L, draft.inputTokens()),
                () -> assertEquals(95L, draft.outputTokens()),
                () -> assertEquals(1430L, draft.latencyMs()),
                () -> assertNull(draft.error()),
                () -> assertNull(draft.dataCategory()),
                () -> assertNull(draft.contentJson(), "every member of the example maps to a column"));
    }

    @Test
    void theOptionalFieldsWithoutAliasesMap() {
        AuditEventDraft draft = accepted("{" + CORE + ", \"agent_name\": \"Support Bot\", \"agent_version\": \"2.4.1\","
                + " \"deployment\": \"prod-eu\", \"error\": \"card network timeout\", \"data_category\": \"payment\"}");
        assertAll(
                () -> assertEquals("Support Bot", draft.agentName()),
                () -> assertEquals("2.4.1", draft.agentVersion()),
                () -> assertEquals("prod-eu", draft.deployment()),
                () -> assertEquals("card network timeout", draft.error()),
                () -> assertEquals("payment", draft.dataCategory()),
                () -> assertNull(draft.contentJson()));
    }

    @Test
    void aMinimalLineLeavesEveryOptionalFieldNull() {
        AuditEventDraft draft = accepted("{" + CORE + "}");
        assertEquals(new AuditEventDraft(draft.sourceEventId(), Instant.parse("2026-11-20T10:00:00Z"),
                "a", null, null, null, null, null, null, "x", null, null, null, null,
                null, null, null, null, null, null, null), draft);
    }

    @Nested
    class Aliases {

        @ParameterizedTest
        @ValueSource(strings = {"timestamp", "ts", "time", "@timestamp"})
        void timestamp(String name) {
            AuditEventDraft draft = accepted("{\"" + name + "\": \"2026-11-20T08:15:00Z\", \"agent_id\": \"a\", \"action\": \"x\"}");
            assertEquals(Instant.parse("2026-11-20T08:15:00Z"), draft.occurredAt());
            assertNull(draft.contentJson());
        }

        @ParameterizedTest
        @ValueSource(strings = {"agent_id", "agent"})
        void agentId(String name) {
            AuditEventDraft draft = accepted("{\"ts\": \"2026-11-20T08:15:00Z\", \"" + name + "\": \"claims-triage\", \"action\": \"x\"}");
            assertEquals("claims-triage", draft.agentId());
        }

        @ParameterizedTest
        @ValueSource(strings = {"action", "operation"})
        void action(String name) {
            AuditEventDraft draft = accepted("{\"ts\": \"2026-11-20T08:15:00Z\", \"agent_id\": \"a\", \"" + name + "\": \"claim.route\"}");
            assertEquals("claim.route", draft.action());
        }

        @ParameterizedTest
        @ValueSource(strings = {"region", "cloud_region"})
        void region(String name) {
            assertEquals("us-east-1", accepted(with("\"" + name + "\": \"us-east-1\"")).region());
        }

        @ParameterizedTest
        @ValueSource(strings = {"user", "user_id", "subject", "subject_id", "customer_id"})
        void subjectRef(String name) {
            assertEquals("cust-10234", accepted(with("\"" + name + "\": \"cust-10234\"")).subjectRef());
        }

        @ParameterizedTest
        @ValueSource(strings = {"session_id", "session"})
        void sessionId(String name) {
            assertEquals("s-77", accepted(with("\"" + name + "\": \"s-77\"")).sessionId());
        }

        @ParameterizedTest
        @ValueSource(strings = {"result", "status", "outcome"})
        void result(String name) {
            assertEquals("denied", accepted(with("\"" + name + "\": \"denied\"")).result());
        }

        @ParameterizedTest
        @ValueSource(strings = {"user_confirmed", "human_confirmed", "confirmed"})
        void humanConfirmed(String name) {
            assertEquals(Boolean.FALSE, accepted(with("\"" + name + "\": false")).humanConfirmed());
            assertEquals(Boolean.TRUE, accepted(with("\"" + name + "\": true")).humanConfirmed());
        }

        @ParameterizedTest
        @CsvSource({"\"true\", true", "\"false\", false", "\"True\", true", "\" FALSE \", false"})
        void humanConfirmedAsText(String json, boolean expected) {
            assertEquals(expected, accepted(with("\"user_confirmed\": " + json)).humanConfirmed());
        }

        @ParameterizedTest
        @ValueSource(strings = {"data_category", "category"})
        void dataCategory(String name) {
            assertEquals("health", accepted(with("\"" + name + "\": \"health\"")).dataCategory());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "\"tokens\": {\"input\": 812, \"output\": 95}",
            "\"tokens\": {\"prompt\": 812, \"completion\": 95}",
            "\"tokens\": {\"input_tokens\": 812, \"output_tokens\": 95}",
            "\"input_tokens\": 812, \"output_tokens\": 95",
            "\"prompt_tokens\": 812, \"completion_tokens\": 95",
            "\"tokens\": {\"input\": \"812\", \"output\": \"95\"}",
            "\"tokens\": {\"input\": 812.0, \"output\": 9.5e1}"})
        void tokens(String members) {
            AuditEventDraft draft = accepted(with(members));
            assertEquals(812L, draft.inputTokens());
            assertEquals(95L, draft.outputTokens());
            assertNull(draft.contentJson(), "token counts are fully mapped");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"latency_ms\": 1430 | 1430",
            "\"latency_ms\": 1430.6 | 1431",
            "\"latency_ms\": \"1430\" | 1430",
            "\"latency\": 850 | 850",
            "\"latency\": \"850ms\" | 850",
            "\"latency\": \"850 ms\" | 850",
            "\"latency\": \"1.2s\" | 1200",
            "\"latency\": \"0.0004s\" | 0",
            "\"latency\": \"2S\" | 2000",
            "\"latency\": 0 | 0"})
        void latency(String member, long expectedMillis) {
            assertEquals(expectedMillis, accepted(with(member)).latencyMs());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"event_id\": \"evt-001\" | evt-001",
            "\"id\": \"evt-002\" | evt-002",
            "\"event_id\": 4711 | 4711",
            "\"id\": 4712 | 4712"})
        void sourceEventId(String member, String expected) {
            AuditEventDraft draft = accepted(with(member));
            assertEquals(expected, draft.sourceEventId());
            assertNull(draft.contentJson());
        }

        @Test
        void theFirstNamePresentWinsAndTheOtherIsKeptAsContent() {
            AuditEventDraft draft = accepted(with("\"status\": \"error\", \"result\": \"denied\""));
            assertEquals("denied", draft.result());
            assertEquals("{\"status\":\"error\"}", draft.contentJson());
        }

        @Test
        void aNullValueFallsThroughToTheNextName() {
            AuditEventDraft draft = accepted(with("\"region\": null, \"cloud_region\": \"eu-central-1\""));
            assertEquals("eu-central-1", draft.region());
            assertNull(draft.contentJson());
        }
    }

    @Nested
    class ValueShapes {

        @Test
        void numbersAndBooleansWhereTextIsExpectedBecomeText() {
            AuditEventDraft draft = accepted(with("\"user\": 10234, \"agent_version\": 3, \"target\": true"));
            assertEquals("10234", draft.subjectRef());
            assertEquals("3", draft.agentVersion());
            assertEquals("true", draft.target());
        }

        @Test
        void nullAndBlankOptionalFieldsAreAbsent() {
            AuditEventDraft draft = accepted(with("\"model\": null, \"reason\": \"\", \"target\": \"  \", \"tokens\": null"));
            assertNull(draft.model());
            assertNull(draft.reason());
            assertNull(draft.target());
            assertNull(draft.inputTokens());
            assertNull(draft.contentJson());
        }

        @Test
        void anErrorObjectIsSummarizedByTypeAndMessage() {
            AuditEventDraft draft = accepted(with("\"error\": {\"type\": \"Timeout\", \"message\": \"CRM did not answer in 30s\"}"));
            assertEquals("Timeout: CRM did not answer in 30s", draft.error());
            assertNull(draft.contentJson());
        }

        @Test
        void anErrorObjectWithOnlyAMessageGivesTheMessage() {
            assertEquals("quota exceeded", accepted(with("\"error\": {\"message\": \"quota exceeded\"}")).error());
        }

        @Test
        void anErrorObjectWithDetailsIsSummarizedAndKeptWhole() {
            AuditEventDraft draft = accepted(with("\"error\": {\"type\": \"Http\", \"message\": \"503\", \"retries\": 2}"));
            assertEquals("Http: 503", draft.error());
            assertEquals("{\"error\":{\"type\":\"Http\",\"message\":\"503\",\"retries\":2}}", draft.contentJson());
        }

        @Test
        void anErrorObjectWithoutTypeOrMessageBecomesCompactJson() {
            AuditEventDraft draft = accepted(with("\"error\": { \"code\" : 42, \"detail\" : \"rate limited\" }"));
            assertEquals("{\"code\":42,\"detail\":\"rate limited\"}", draft.error());
            assertNull(draft.contentJson());
        }

        @Test
        void errorFalseMeansNoError() {
            AuditEventDraft draft = accepted(with("\"error\": false"));
            assertNull(draft.error());
            assertNull(draft.contentJson());
        }

        @Test
        void aTokensObjectWithMoreThanTheCountsIsKeptAsContent() {
            AuditEventDraft draft = accepted(with("\"tokens\": {\"input\": 10, \"output\": 5, \"total\": 15}"));
            assertEquals(10L, draft.inputTokens());
            assertEquals(5L, draft.outputTokens());
            assertEquals("{\"tokens\":{\"input\":10,\"output\":5,\"total\":15}}", draft.contentJson());
        }

        @Test
        void theTokensObjectIsPreferredOverTopLevelCounts() {
            AuditEventDraft draft = accepted(with("\"tokens\": {\"input\": 10}, \"input_tokens\": 99, \"output_tokens\": 7"));
            assertEquals(10L, draft.inputTokens());
            assertEquals(7L, draft.outputTokens());
            assertEquals("{\"input_tokens\":99}", draft.contentJson());
        }

        @Test
        void theLastOfDuplicateKeysWins() {
            assertEquals("second", accepted(with("\"target\": \"first\", \"target\": \"second\"")).target());
        }

        @Test
        void limitsAreCountedInCharactersNotBytes() {
            String twoHundredUmlauts = "ü".repeat(200);
            assertEquals(twoHundredUmlauts, accepted(with("\"agent_name\": \"" + twoHundredUmlauts + "\"")).agentName());
        }

        @Test
        void aLeadingByteOrderMarkIsIgnored() throws Exception {
            byte[] plain = utf8("{" + CORE + "}");
            byte[] withMark = new byte[plain.length + 3];
            withMark[0] = (byte) 0xEF;
            withMark[1] = (byte) 0xBB;
            withMark[2] = (byte) 0xBF;
            System.arraycopy(plain, 0, withMark, 3, plain.length);
            ParsedRecord record = format.parse(withMark);
            assertEquals(sha256("{" + CORE + "}"),
                    assertInstanceOf(ParsedRecord.Accepted.class, record).draft().sourceEventId());
        }
    }

    @Nested
    class Content {

        @Test
        void unmappedMembersAreKeptInTheirOriginalOrder() {
            AuditEventDraft draft = accepted("{\"prompt\": \"Where is my parcel?\", " + CORE
                    + ", \"tool_args\": {\"order\": \"8812\", \"notify\": [\"email\", \"sms\"]},"
                    + " \"x_custom\": null, \"output\": \"It ships tomorrow.\", \"score\": 0.93}");
            assertEquals("{\"prompt\":\"Where is my parcel?\",\"tool_args\":{\"order\":\"8812\",\"notify\":[\"email\",\"sms\"]},"
                    + "\"x_custom\":null,\"output\":\"It ships tomorrow.\",\"score\":0.93}", draft.contentJson());
        }

        @Test
        void nonAsciiAndEscapedTextSurvives() {
            AuditEventDraft draft = accepted(with("\"response\": \"Grüße, \\\"Kunde\\\" \\u2713\\nZeile 2\""));
            assertEquals("{\"response\":\"Grüße, \\\"Kunde\\\" ✓\\nZeile 2\"}", draft.contentJson());
        }

        @Test
        void unusedAliasesAreKeptSoConflictingValuesAreNotLost() {
            AuditEventDraft draft = accepted(with("\"user\": \"cust-1\", \"customer_id\": \"cust-2\""));
            assertEquals("cust-1", draft.subjectRef());
            assertEquals("{\"customer_id\":\"cust-2\"}", draft.contentJson());
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "2026-02-18T05:34:00Z | 2026-02-18T05:34:00Z",
            "2026-02-18T06:34:00+01:00 | 2026-02-18T05:34:00Z",
            "2026-02-18T00:04:00-05:30 | 2026-02-18T05:34:00Z",
            "2026-02-18T06:34:00+0100 | 2026-02-18T05:34:00Z",
            "2026-02-18T06:34:00+01 | 2026-02-18T05:34:00Z",
            "2026-02-18T05:34:00.5Z | 2026-02-18T05:34:00.500Z",
            "2026-02-18T05:34:00.123456789Z | 2026-02-18T05:34:00.123Z",
            "2026-02-18T05:34:00.999999Z | 2026-02-18T05:34:00.999Z",
            "2026-02-18 05:34:00Z | 2026-02-18T05:34:00Z",
            "2026-02-18t05:34:00z | 2026-02-18T05:34:00Z",
            "2026-02-18T06:34:00+01:00[Europe/Paris] | 2026-02-18T05:34:00Z",
            "2026-07-18T07:34:00[Europe/Paris] | 2026-07-18T05:34:00Z"})
        void isoWithZoneIsStoredInUtcTruncatedToMilliseconds(String text, String expected) {
            assertEquals(Instant.parse(expected),
                    accepted("{\"timestamp\": \"" + text + "\", \"agent_id\": \"a\", \"action\": \"x\"}").occurredAt());
        }

        @Test
        void epochMillisecondsAreAccepted() {
            assertEquals(Instant.parse("2026-02-18T05:34:00.123Z"),
                    accepted("{\"timestamp\": 1771392840123, \"agent_id\": \"a\", \"action\": \"x\"}").occurredAt());
        }

        @Test
        void aTimestampWithoutZoneIsRejected() {
            assertEquals("timestamp '2026-02-18T05:34:00' has no time zone; expected ISO-8601 with Z or an offset",
                    rejected("{\"timestamp\": \"2026-02-18T05:34:00\", \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2026-02-30T05:34:00Z", "2026-02-18", "18/02/2026 05:34", "2026-02-18T25:00:00Z"})
        void anUnreadableTimestampIsRejected(String text) {
            assertEquals("timestamp '" + text + "' is not an ISO-8601 date-time; expected e.g. 2026-02-18T05:34:00Z or epoch milliseconds",
                    rejected("{\"timestamp\": \"" + text + "\", \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @Test
        void aTimestampBefore2000IsRejected() {
            assertEquals("timestamp 1999-12-31T23:59:59Z is before 2000-01-01",
                    rejected("{\"timestamp\": \"1999-12-31T23:59:59Z\", \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @Test
        void epochSecondsAreRecognizedAsAMistake() {
            assertEquals("timestamp 1771392840 is before 2000-01-01 as epoch milliseconds; it looks like epoch seconds, but milliseconds are expected",
                    rejected("{\"timestamp\": 1771392840, \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @Test
        void fractionalEpochValuesAreRejected() {
            assertEquals("timestamp '1771392840123.5' is not a whole number of epoch milliseconds",
                    rejected("{\"timestamp\": 1771392840123.5, \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @Test
        void upToOneDayInTheFutureIsToleratedForClockDrift() {
            assertEquals(NOW.plusSeconds(86_400),
                    accepted("{\"timestamp\": \"2026-11-22T12:00:00Z\", \"agent_id\": \"a\", \"action\": \"x\"}").occurredAt());
        }

        @Test
        void moreThanOneDayInTheFutureIsRejected() {
            assertEquals("timestamp 2026-11-22T12:00:01Z is more than 1 day in the future (the server's clock reads 2026-11-21T12:00:00Z)",
                    rejected("{\"timestamp\": \"2026-11-22T12:00:01Z\", \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @Test
        void aTimestampOfTheWrongTypeIsRejected() {
            assertEquals("field 'timestamp' must be an ISO-8601 date-time string or epoch milliseconds, but is an object",
                    rejected("{\"timestamp\": {\"seconds\": 1}, \"agent_id\": \"a\", \"action\": \"x\"}"));
        }

        @Test
        void controlCharactersInAQuotedTimestampAreNeutralized() {
            String reason = rejected("{\"timestamp\": \"2026\\n[ERROR] forged\", \"agent_id\": \"a\", \"action\": \"x\"}");
            assertFalse(reason.contains("\n"), reason);
        }
    }

    @Nested
    class Rejections {

        @Test
        void invalidJsonNamesTheColumn() {
            assertEquals("not valid JSON: unexpected character at column 2", rejected("{'agent_id': 'a'}"));
        }

        @Test
        void aMissingColonIsReportedWhereItHappens() {
            assertEquals("not valid JSON: unexpected value near column 15", rejected("{\"agent_id\" \"a\"}"));
        }

        @Test
        void aTruncatedLineIsReportedAsIncomplete() {
            assertEquals("not valid JSON: the line ends before the JSON object is complete",
                    rejected("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"a\", \"prompt\": \"Please refund ord"));
        }

        @Test
        void contentAfterTheObjectIsRejected() {
            assertEquals("not valid JSON: unexpected content after the JSON object", rejected("{" + CORE + "} {}"));
            assertEquals("not valid JSON: unexpected character at column 73", rejected("{" + CORE + "} trailing"));
        }

        @Test
        void deeplyNestedJsonIsRejected() {
            String reason = rejected(with("\"deep\": " + "[".repeat(100_000)));
            assertTrue(reason.startsWith("not valid JSON"), reason);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "[1, 2] | expected a JSON object but found an array",
            "\"text\" | expected a JSON object but found a string",
            "42 | expected a JSON object but found a number",
            "true | expected a JSON object but found a boolean",
            "null | expected a JSON object but found null"})
        void anythingButAnObjectIsRejected(String line, String reason) {
            assertEquals(reason, rejected(line));
        }

        @Test
        void emptyAndBlankLinesAreRejected() {
            assertEquals("line is empty", rejected(new byte[0]));
            assertEquals("line is blank (whitespace only)", rejected(" \t\r"));
        }

        @Test
        void malformedUtf8IsRejectedWithItsBytePosition() {
            byte[] line = utf8("{\"agent_id\": \"x\"}");
            line[14] = (byte) 0xC3; // a lead byte followed by an ASCII byte
            assertEquals("not valid UTF-8: invalid byte sequence at byte 15", rejected(line));
        }

        @Test
        void missingRequiredFieldsAreNamedWithTheirAliases() {
            assertEquals("missing required field 'timestamp' (also accepted: 'ts', 'time', '@timestamp')",
                    rejected("{\"agent_id\": \"a\", \"action\": \"x\"}"));
            assertEquals("missing required field 'agent_id' (also accepted: 'agent')",
                    rejected("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"action\": \"x\"}"));
            assertEquals("missing required field 'action' (also accepted: 'operation')",
                    rejected("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"a\", \"action\": null}"));
        }

        @Test
        void anEmptyRequiredFieldIsRejected() {
            assertEquals("field 'agent_id' is empty",
                    rejected("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \" \", \"action\": \"x\"}"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"tokens\": {\"input\": -1} | field 'tokens.input' must be a non-negative integer",
            "\"tokens\": {\"prompt\": 1.5} | field 'tokens.prompt' must be a non-negative integer",
            "\"tokens\": {\"output\": \"many\"} | field 'tokens.output' must be a non-negative integer",
            "\"tokens\": {\"output\": true} | field 'tokens.output' must be a non-negative integer",
            "\"input_tokens\": \"-5\" | field 'input_tokens' must be a non-negative integer",
            "\"completion_tokens\": 1e999999999 | field 'completion_tokens' must be a non-negative integer",
            "\"prompt_tokens\": 99999999999999999999 | field 'prompt_tokens' must be a non-negative integer",
            "\"tokens\": 907 | field 'tokens' must be an object, but is a number"})
        void badTokenCountsAreRejectedNamingTheField(String member, String reason) {
            assertEquals(reason, rejected(with(member)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"latency_ms\": -3 | field 'latency_ms' must not be negative",
            "\"latency\": \"2 minutes\" | field 'latency' value '2 minutes' is not a duration; expected milliseconds or a string such as \"850ms\" or \"1.2s\"",
            "\"latency\": [850] | field 'latency' must be a number of milliseconds or a duration such as \"850ms\" or \"1.2s\", but is an array",
            "\"latency_ms\": 1e30 | field 'latency_ms' is too large to be a latency"})
        void badLatenciesAreRejected(String member, String reason) {
            assertEquals(reason, rejected(with(member)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"user\": {\"id\": \"cust-1\", \"email\": \"someone@example.com\"} | field 'user' must be a string, but is an object",
            "\"target\": [\"order/1\"] | field 'target' must be a string, but is an array",
            "\"agent\": {\"id\": \"a\"} | field 'agent' must be a string, but is an object",
            "\"user_confirmed\": \"yes\" | field 'user_confirmed' must be true or false",
            "\"confirmed\": 1 | field 'confirmed' must be true or false",
            "\"error\": [\"a\", \"b\"] | field 'error' must be a string or an object, but is an array",
            "\"event_id\": true | field 'event_id' must be a string or an integer, but is a boolean",
            "\"id\": 1.5 | field 'id' must be a string or an integer, but is a number"})
        void wrongTypesAreRejectedNamingTheField(String member, String reason) {
            String line = member.startsWith("\"agent\"")
                    ? "{\"timestamp\": \"2026-11-20T10:00:00Z\", " + member + ", \"action\": \"x\"}"
                    : with(member);
            assertEquals(reason, rejected(line));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "agent_name | 200",
            "session_id | 200",
            "model | 200",
            "user | 200",
            "event_id | 200",
            "target | 2000",
            "reason | 2000",
            "error | 2000"})
        void tooLongFieldsAreRejectedNamingTheFieldAndLimit(String field, int limit) {
            String reason = rejected(with("\"" + field + "\": \"" + "y".repeat(limit + 1) + "\""));
            assertEquals("field '" + field + "' is " + (limit + 1) + " characters long; the limit is " + limit, reason);
        }

        @Test
        void aTooLongErrorMessageInsideAnObjectIsRejected() {
            assertEquals("field 'error' is 2001 characters long; the limit is 2000",
                    rejected(with("\"error\": {\"message\": \"" + "y".repeat(2001) + "\"}")));
        }

        @Test
        void reasonsNeverQuotePersonalValues() {
            String secret = "Jane Roe, 4 Elm Street";
            for (String member : new String[] {
                "\"user\": {\"name\": \"" + secret + "\"}",
                "\"reason\": \"" + secret.repeat(100) + "\"",
                "\"user_confirmed\": \"" + secret + "\"",
                "\"tokens\": {\"input\": \"" + secret + "\"}"}) {
                String reason = rejected(with(member));
                assertFalse(reason.contains("Jane"), reason);
            }
            String reason = rejected("{\"prompt\": \"" + secret + "\", \"agent_id\": oops}");
            assertFalse(reason.contains("Jane"), reason);
        }
    }

    @Nested
    class SourceEventIds {

        @Test
        void withoutAnIdTheSha256OfTheTrimmedLineIsUsed() throws Exception {
            String line = "{" + CORE + "}";
            assertEquals(sha256(line), accepted(line).sourceEventId());
            assertEquals(sha256(line), accepted("  " + line + "\t\r").sourceEventId());
        }

        @Test
        void theSameLineAlwaysGetsTheSameIdAndADifferentLineAnother() {
            String line = "{" + CORE + ", \"target\": \"order/1\"}";
            String first = accepted(line).sourceEventId();
            assertEquals(first, new AgentActionLogFormat(Clock.fixed(NOW, ZoneOffset.UTC), LineDigest.UNKEYED).parse(utf8(line)) instanceof ParsedRecord.Accepted a
                    ? a.draft().sourceEventId() : null);
            assertNotEquals(first, accepted("{" + CORE + ", \"target\": \"order/2\"}").sourceEventId());
            assertTrue(first.matches("sha256:[0-9a-f]{64}"), first);
        }

        @Test
        void aSourceWithKeyedIdsGetsAnHmacOfTheTrimmedLineThatNoUnkeyedHashReveals() throws Exception {
            byte[] key = new byte[32];
            key[0] = 7;
            AgentActionLogFormat keyed = new AgentActionLogFormat(Clock.fixed(NOW, ZoneOffset.UTC), LineDigest.keyed(key));
            String line = "{" + CORE + ", \"user\": \"cust-1\"}";
            String id = ((ParsedRecord.Accepted) keyed.parse(utf8(line))).draft().sourceEventId();

            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            assertEquals("hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(utf8(line))), id);
            assertFalse(id.contains(sha256(line).substring("sha256:".length())), "the unkeyed hash must not show");
            assertEquals(id, ((ParsedRecord.Accepted) keyed.parse(utf8(" " + line + "\r"))).draft().sourceEventId());
            assertEquals("e-1", ((ParsedRecord.Accepted) keyed.parse(utf8(with("\"event_id\": \"e-1\"")))).draft().sourceEventId(),
                    "an id the line names is kept as it is");
        }

        @Test
        void aBlankIdFallsBackToTheHash() throws Exception {
            String line = with("\"event_id\": \"\"");
            assertEquals(sha256(line), accepted(line).sourceEventId());
        }
    }

    /**
     * Text a source can send through JSON escapes but the database and the log cannot hold as sent:
     * the line is rejected with the field's name, never stripped or altered.
     */
    @Nested
    class TextThatCannotBeStored {

        static final String NUL = "contains U+0000 (a NUL character), which cannot be stored";

        @Test
        void aNulCharacterRejectsTheLineNamingTheField() {
            assertEquals("field 'target' " + NUL, rejected(with("\"target\": \"a\\u0000b\"")));
            assertEquals("field 'reason' " + NUL, rejected(with("\"reason\": \"\\u0000\"")));
            assertEquals("field 'agent_id' " + NUL,
                    rejected("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"bot\\u0000\", \"action\": \"x\"}"));
            assertEquals("field 'customer_id' " + NUL, rejected(with("\"customer_id\": \"\\u0000cust-1\"")),
                    "named as the line names it, not as the column");
            assertEquals("field 'event_id' " + NUL, rejected(with("\"event_id\": \"e\\u00001\"")));
            assertEquals("field 'error' " + NUL, rejected(with("\"error\": {\"type\": \"Timeout\", \"message\": \"took\\u0000\"}")));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "a high half alone, a\\ud800b, d800",
            "a low half alone, a\\udc00b, dc00",
            "a high half at the end, ab\\ud83d, d83d",
            "both halves in the wrong order, \\ude00\\ud83d, de00"})
        void anUnpairedSurrogateRejectsTheLineNamingTheField(String description, String escaped, String codeUnit) {
            String problem = "contains an unpaired surrogate (\\u" + codeUnit + "), which is not valid Unicode";
            assertEquals("field 'session_id' " + problem, rejected(with("\"session_id\": \"" + escaped + "\"")));
            assertEquals("field 'target' " + problem, rejected(with("\"target\": \"" + escaped + "\"")));
            assertEquals("field 'agent' " + problem,
                    rejected("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent\": \"" + escaped + "\", \"action\": \"x\"}"));
            assertEquals("field 'reason' " + problem, rejected(with("\"reason\": \"" + escaped + "\"")));
        }

        @Test
        void surrogatePairsAreOrdinaryCharactersAndAreKept() {
            AuditEventDraft draft = accepted("{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"bot-\\ud83d\\ude00\","
                    + " \"action\": \"x\", \"target\": \"order/\\uD83D\\uDE80\", \"reason\": \"\uD83D\uDE80 as UTF-8\","
                    + " \"prompt\": \"hi \\ud83d\\ude00\"}");
            assertEquals("bot-\uD83D\uDE00", draft.agentId());
            assertEquals("order/\uD83D\uDE80", draft.target());
            assertEquals("\uD83D\uDE80 as UTF-8", draft.reason());
            assertEquals("{\"prompt\":\"hi \uD83D\uDE00\"}", draft.contentJson());
        }

        @Test
        void aNulCharacterInTheContentIsKeptAsItsEscape() {
            AuditEventDraft draft = accepted(with("\"prompt\": \"a\\u0000b\""));
            assertEquals("{\"prompt\":\"a\\u0000b\"}", draft.contentJson());
        }

        @Test
        void anUnpairedSurrogateInTheContentRejectsTheLineWithoutNamingTheMember() {
            String problem = "a field kept as content contains an unpaired surrogate (\\udc00), which is not valid Unicode";
            assertEquals(problem, rejected(with("\"prompt\": \"Jane Doe \\udc00\"")));
            assertEquals(problem, rejected(with("\"tool_args\": {\"jane.doe\": [\"\\udc00\"]}")));
            assertEquals(problem, rejected(with("\"jane.doe\\udc00\": 1")), "an unknown key may be personal data");
        }
    }
}
