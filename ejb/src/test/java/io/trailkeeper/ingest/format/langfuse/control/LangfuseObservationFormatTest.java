package io.trailkeeper.ingest.format.langfuse.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.format.control.LineFormat;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Observations as Langfuse's v2 observations API returns them (fixtures written from its published
 * description, every field group requested), and the ways one can be wrong.
 */
class LangfuseObservationFormatTest {

    static final JsonProvider JSON = JsonProvider.provider();
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    final LangfuseObservationFormat format = new LangfuseObservationFormat(Clock.fixed(NOW, ZoneOffset.UTC));

    static String fixture(String name) {
        try (InputStream in = LangfuseObservationFormatTest.class.getResourceAsStream("/langfuse/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static JsonObject object(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
    }

    /** The fixture with some members replaced ({@code null} value: removed). */
    static String changed(String name, Consumer<JsonObjectBuilder> change) {
        JsonObjectBuilder builder = JSON.createObjectBuilder(object(fixture(name)));
        change.accept(builder);
        return builder.build().toString();
    }

    AuditEventDraft accepted(String json) {
        ParsedRecord parsed = format.parse(json.getBytes(StandardCharsets.UTF_8));
        if (parsed instanceof ParsedRecord.Rejected rejected) {
            throw new AssertionError("expected the observation to be accepted, but: " + rejected.reason());
        }
        return ((ParsedRecord.Accepted) parsed).draft();
    }

    String rejected(String json) {
        return assertInstanceOf(ParsedRecord.Rejected.class, format.parse(json.getBytes(StandardCharsets.UTF_8))).reason();
    }

    @Test
    void aGenerationBecomesAnEventOfItsTrace() {
        AuditEventDraft draft = accepted(fixture("generation.json"));
        assertAll(
                () -> assertEquals("obs-gen-7f3a", draft.sourceEventId()),
                () -> assertEquals(Instant.parse("2026-11-20T09:15:02.118Z"), draft.occurredAt()),
                () -> assertEquals("travel-desk", draft.agentId(), "the trace's name is the agent"),
                () -> assertNull(draft.agentName()),
                () -> assertEquals("2.4.1", draft.agentVersion()),
                () -> assertEquals("production", draft.deployment()),
                () -> assertEquals("traveller-5521", draft.subjectRef()),
                () -> assertEquals("sess-8812", draft.sessionId()),
                () -> assertEquals("generation", draft.action()),
                () -> assertEquals("plan-itinerary", draft.target()),
                () -> assertEquals("default", draft.result()),
                () -> assertNull(draft.error()),
                () -> assertEquals("gpt-4o-2024-08-06", draft.model()),
                () -> assertEquals(1466L, draft.inputTokens(), "input plus cached input, as Langfuse sums them"),
                () -> assertEquals(342L, draft.outputTokens()),
                () -> assertEquals(1850L, draft.latencyMs()));
    }

    @Test
    void contentKeepsWhatIsNotAColumnWithMessagesParsed() {
        JsonObject content = object(accepted(fixture("generation.json")).contentJson());
        assertAll(
                () -> assertEquals("Two nights in Lisbon, please.",
                        content.getJsonArray("input").getJsonObject(1).getString("content"), "input JSON text is kept parsed"),
                () -> assertEquals("assistant", content.getJsonObject("output").getString("role")),
                () -> assertEquals("openai", content.getJsonObject("metadata").getString("ls_provider")),
                () -> assertEquals(256, content.getJsonObject("usageDetails").getInt("input_cached_tokens"), "the breakdown stays"),
                () -> assertEquals(0.006445, content.getJsonObject("costDetails").getJsonNumber("total").doubleValue()),
                () -> assertEquals("trace-41c2", content.getString("traceId")),
                () -> assertEquals("obs-agent-19d0", content.getString("parentObservationId")),
                () -> assertEquals("cm2proj0001", content.getString("projectId")),
                () -> assertEquals("itinerary-planner", content.getString("promptName")),
                () -> assertEquals("2026-11-20T09:15:02.640Z", content.getString("completionStartTime")),
                () -> assertEquals("2026.11.2", content.getString("release"), "release only stands in for a missing version"),
                () -> assertEquals(2, content.getJsonArray("tags").size()),
                () -> assertFalse(content.containsKey("promptId"), "null fields carry nothing"),
                () -> assertFalse(content.containsKey("statusMessage")),
                () -> assertFalse(content.containsKey("id")),
                () -> assertFalse(content.containsKey("model")),
                () -> assertFalse(content.containsKey("traceName")));
    }

    @Test
    void unknownFieldsAreKept() {
        JsonObject content = object(accepted(changed("generation.json",
                b -> b.add("futureField", JSON.createObjectBuilder().add("nested", 1)))).contentJson());
        assertEquals(1, content.getJsonObject("futureField").getInt("nested"));
    }

    @Test
    void aFailedToolCallCarriesItsStatusMessageAsTheError() {
        AuditEventDraft draft = accepted(fixture("tool-error.json"));
        assertAll(
                () -> assertEquals("tool", draft.action()),
                () -> assertEquals("book_hotel", draft.target()),
                () -> assertEquals("error", draft.result()),
                () -> assertEquals("TimeoutError: booking service did not answer within 30s", draft.error()),
                () -> assertEquals("2026.11.2", draft.agentVersion(), "the trace's release when the observation has no version"),
                () -> assertNull(draft.inputTokens(), "an empty usageDetails means no tokens, not zero reduced usage"),
                () -> assertNull(draft.outputTokens()),
                () -> assertEquals(30_000L, draft.latencyMs()));
        JsonObject content = object(draft.contentJson());
        assertEquals("Casa Azul", content.getJsonObject("input").getString("hotel"));
        assertFalse(content.containsKey("statusMessage"), "it became the error");
    }

    @Test
    void aWarningKeepsItsStatusMessageAsContent() {
        AuditEventDraft draft = accepted(changed("tool-error.json", b -> b.add("level", "WARNING")));
        assertEquals("warning", draft.result());
        assertNull(draft.error());
        assertEquals("TimeoutError: booking service did not answer within 30s", object(draft.contentJson()).getString("statusMessage"));
    }

    @Test
    void anAgentWithoutTraceNameIsItsOwnAgentAndAnObservationWithoutEitherBelongsToItsProject() {
        AuditEventDraft agent = accepted(fixture("agent-minimal.json"));
        assertEquals("travel-planner", agent.agentId());
        assertEquals("travel-planner", agent.agentName());
        assertEquals("agent", agent.action());
        assertNull(agent.latencyMs(), "still running: no end time");
        assertNull(agent.subjectRef());

        AuditEventDraft span = accepted(changed("agent-minimal.json", b -> b.add("type", "SPAN")));
        assertEquals("langfuse-project/cm2proj0001", span.agentId());
        assertNull(span.agentName());

        AuditEventDraft bare = accepted("{\"id\":\"o-1\",\"startTime\":\"2026-11-20T09:00:00.000Z\"}");
        assertEquals(LangfuseObservationFormat.UNNAMED_AGENT, bare.agentId());
        assertEquals("observation", bare.action(), "no type (only core fields have been promised): still an event");
        assertNull(bare.result());
        assertNull(bare.contentJson());
    }

    @Test
    void olderDescriptionsAndV1ShapesAreUnderstood() {
        AuditEventDraft provided = accepted(changed("generation.json", b -> b.remove("model").add("providedModelName", "claude-sonnet-4")));
        assertEquals("claude-sonnet-4", provided.model());

        AuditEventDraft v1 = accepted(changed("generation.json", b -> b.remove("usageDetails")
                .add("usage", JSON.createObjectBuilder().add("input", 90).add("output", 12).add("total", 102).add("unit", "TOKENS"))));
        assertEquals(90L, v1.inputTokens());
        assertEquals(12L, v1.outputTokens());

        AuditEventDraft legacy = accepted(changed("generation.json", b -> b.remove("usageDetails")
                .add("promptTokens", 70).add("completionTokens", "8")));
        assertEquals(70L, legacy.inputTokens());
        assertEquals(8L, legacy.outputTokens());

        AuditEventDraft reduced = accepted(changed("generation.json", b -> b.remove("usageDetails")));
        assertEquals(1466L, reduced.inputTokens(), "the API's own sums when nothing finer is there");
    }

    @Test
    void usageCountsAsNumericStringsAreRead() {
        AuditEventDraft draft = accepted(changed("generation.json",
                b -> b.add("usageDetails", JSON.createObjectBuilder().add("input", "100").add("output", 20.0))));
        assertEquals(100L, draft.inputTokens());
        assertEquals(20L, draft.outputTokens());
    }

    @Test
    void anObservationWithoutIdIsRejected() {
        assertEquals("missing required field 'id'", rejected(changed("generation.json", b -> b.remove("id"))));
        assertEquals("field 'id' is empty", rejected(changed("generation.json", b -> b.add("id", " "))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-20 09:15", "2026-11-20T09:15:02"})
    void anUnreadableStartTimeIsRejectedWithoutQuotingContent(String startTime) {
        String reason = rejected(changed("generation.json", b -> b.add("startTime", startTime)));
        assertTrue(reason.startsWith("timestamp '"), reason);
        assertFalse(reason.contains("Lisbon"));
    }

    @Test
    void timesThatCannotBeTrueAreRejected() {
        assertEquals("missing required field 'startTime'", rejected(changed("generation.json", b -> b.remove("startTime"))));
        assertEquals("field 'endTime' is before 'startTime'",
                rejected(changed("generation.json", b -> b.add("endTime", "2026-11-20T09:15:01.000Z"))));
        assertTrue(rejected(changed("generation.json", b -> b.add("startTime", "2030-01-01T00:00:00.000Z")))
                .contains("in the future"));
        assertTrue(rejected(changed("generation.json", b -> b.add("completionStartTime", 17)))
                .contains("before 2000-01-01"));
    }

    @Test
    void impossibleTokenCountsAreRejectedNamingTheMetric() {
        assertEquals("field 'usageDetails.input' must be a non-negative integer",
                rejected(changed("generation.json", b -> b.add("usageDetails", JSON.createObjectBuilder().add("input", -3)))));
        assertEquals("field 'usageDetails.output_x?y' must be a non-negative integer",
                rejected(changed("generation.json", b -> b.add("usageDetails", JSON.createObjectBuilder().add("output_x\ny", "many")))));
        assertEquals("field 'usageDetails' must be an object, but is an array",
                rejected(changed("generation.json", b -> b.add("usageDetails", JSON.createArrayBuilder().add(1)))));
    }

    @Test
    void somethingThatIsNotAnObservationIsRejected() {
        assertEquals("expected a JSON object but found a string", rejected("\"obs-1\""));
        assertTrue(rejected("{\"id\":\"o\",").startsWith("not valid JSON"));
    }

    @Test
    void aKeptObservationIsReprocessedWithTheSameFormat() {
        List<SpanRecord> records = LineFormat.forKind(SourceKind.LANGFUSE_API, LineDigest.UNKEYED)
                .apply(fixture("tool-error.json").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, records.size());
        assertEquals("obs-tool-22b9", ((ParsedRecord.Accepted) records.get(0).parsed()).draft().sourceEventId());
    }

    @Test
    void nullForAnOptionalFieldMeansAbsent() {
        AuditEventDraft draft = accepted(changed("generation.json", b -> b.add("userId", JsonValue.NULL).add("model", JsonValue.NULL)));
        assertNull(draft.subjectRef());
        assertNull(draft.model());
    }

    /**
     * Text an observation can carry through JSON escapes but the database and the log cannot hold as
     * sent: the observation is rejected with the field's name, never stripped or altered.
     */
    @Nested
    class TextThatCannotBeStored {

        static final String NUL = "contains U+0000 (a NUL character), which cannot be stored";

        /** The fixture with one member set to a JSON string written with escapes, which a builder would not write. */
        static String withEscaped(String fixture, String member, String escaped) {
            return changed(fixture, b -> b.add(member, "@escaped@")).replace("\"@escaped@\"", "\"" + escaped + "\"");
        }

        @Test
        void aNulCharacterRejectsTheObservationNamingTheField() {
            assertEquals("field 'id' " + NUL, rejected(withEscaped("tool-error.json", "id", "obs\\u0000")));
            assertEquals("field 'name' " + NUL, rejected(withEscaped("tool-error.json", "name", "book\\u0000hotel")));
            assertEquals("field 'statusMessage' " + NUL, rejected(withEscaped("tool-error.json", "statusMessage", "\\u0000")));
            assertEquals("field 'projectId' " + NUL, rejected(withEscaped("agent-minimal.json", "projectId", "cm2\\u0000")
                    .replace("\"AGENT\"", "\"SPAN\"")), "the project names the agent when nothing else does");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "a high half alone, a\\ud800b, d800",
            "a low half alone, a\\udc00b, dc00",
            "a high half at the end, ab\\ud83d, d83d",
            "both halves in the wrong order, \\ude00\\ud83d, de00"})
        void anUnpairedSurrogateRejectsTheObservationNamingTheField(String description, String escaped, String codeUnit) {
            String problem = "contains an unpaired surrogate (\\u" + codeUnit + "), which is not valid Unicode";
            assertEquals("field 'userId' " + problem, rejected(withEscaped("tool-error.json", "userId", escaped)));
            assertEquals("field 'traceName' " + problem, rejected(withEscaped("tool-error.json", "traceName", escaped)));
            assertEquals("field 'name' " + problem, rejected(withEscaped("tool-error.json", "name", escaped)));
            assertEquals("field 'statusMessage' " + problem, rejected(withEscaped("tool-error.json", "statusMessage", escaped)));
        }

        @Test
        void surrogatePairsAreOrdinaryCharactersAndAreKept() {
            AuditEventDraft draft = accepted(withEscaped("tool-error.json", "userId", "traveller-\\ud83d\\ude00")
                    .replace("book_hotel", "book_hotel \uD83D\uDE80"));
            assertEquals("traveller-\uD83D\uDE00", draft.subjectRef());
            assertEquals("book_hotel \uD83D\uDE80", draft.target());
        }

        @Test
        void aNulCharacterInTheContentIsKeptAsItsEscape() {
            AuditEventDraft draft = accepted(withEscaped("tool-error.json", "input", "a\\u0000b"));
            assertEquals("a\u0000b", object(draft.contentJson()).getString("input"));
        }

        @Test
        void anUnpairedSurrogateInTheContentRejectsTheObservationWithoutNamingTheMember() {
            assertEquals("a field kept as content contains an unpaired surrogate (\\udc00), which is not valid Unicode",
                    rejected(withEscaped("tool-error.json", "output", "Jane Doe \\udc00")));
        }

        @Test
        void anInputWhoseEscapesMakeAnUnpairedSurrogateStaysTheTextItWas() {
            String input = "{\"hotel\":\"\\ud800\"}";
            AuditEventDraft draft = accepted(changed("tool-error.json", b -> b.add("input", input)));
            assertEquals(input, object(draft.contentJson()).getString("input"), "the text is valid Unicode; its parsed form would not be");
        }
    }
}
