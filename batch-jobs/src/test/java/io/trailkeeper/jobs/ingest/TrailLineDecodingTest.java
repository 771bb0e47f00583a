package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.format.agentaction.control.AgentActionLogFormat;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrailLineDecodingTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final String VALID = "{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"support-bot\","
            + " \"action\": \"refund.issue\", \"target\": \"order/8812\"}";

    final AgentActionLogFormat format = new AgentActionLogFormat(Clock.fixed(NOW, ZoneOffset.UTC), LineDigest.UNKEYED);

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static RawLine line(long number, long offset, String text) {
        byte[] bytes = utf8(text);
        return new RawLine(number, offset, bytes, bytes.length);
    }

    @Test
    void aValidLineBecomesAnEventAtItsPositionInTheFile() {
        IngestRecord record = TrailLineDecoding.toRecord(line(3, 512, VALID), format);

        IngestRecord.Event event = assertInstanceOf(IngestRecord.Event.class, record);
        assertEquals(new SourcePosition(3, 512), event.position());
        assertEquals("support-bot", event.draft().agentId());
        assertEquals("refund.issue", event.draft().action());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), event.draft().occurredAt());
    }

    @Test
    void anInvalidLineIsQuarantinedWithItsReasonAndBytes() {
        String invalid = "{\"timestamp\": \"2026-11-20T10:00:00Z\", \"action\": \"refund.issue\"}";

        IngestRecord record = TrailLineDecoding.toRecord(line(7, 2048, invalid), format);

        IngestRecord.Malformed malformed = assertInstanceOf(IngestRecord.Malformed.class, record);
        assertEquals(new SourcePosition(7, 2048), malformed.position());
        assertTrue(malformed.reason().contains("agent"), malformed.reason());
        assertArrayEquals(utf8(invalid), malformed.raw());
        assertEquals(utf8(invalid).length, malformed.originalSize());
    }

    @Test
    void aLineThatIsNotJsonIsQuarantined() {
        IngestRecord record = TrailLineDecoding.toRecord(line(1, 0, "this is not JSON"), format);

        IngestRecord.Malformed malformed = assertInstanceOf(IngestRecord.Malformed.class, record);
        assertFalse(malformed.reason().isBlank());
        assertArrayEquals(utf8("this is not JSON"), malformed.raw());
    }

    @Test
    void aLineCutByTheReaderIsQuarantinedNamingTheLimitAndTheSetting() {
        byte[] head = utf8(VALID.substring(0, 40));
        RawLine cut = new RawLine(12, 4096, head, 2_000_000);

        IngestRecord record = TrailLineDecoding.toRecord(cut, format);

        IngestRecord.Malformed malformed = assertInstanceOf(IngestRecord.Malformed.class, record);
        assertEquals(new SourcePosition(12, 4096), malformed.position());
        assertTrue(malformed.reason().contains("2000000"), malformed.reason());
        assertTrue(malformed.reason().contains(String.valueOf(head.length)), malformed.reason());
        assertTrue(malformed.reason().contains("trailkeeper.import.max-line-bytes"), malformed.reason());
        assertArrayEquals(head, malformed.raw());
        assertEquals(2_000_000, malformed.originalSize());
    }

    @Test
    void aCutLineIsQuarantinedEvenWhenItsHeadWouldParse() {
        // A valid JSON object followed by more bytes the reader dropped: parsing the head alone would lose data.
        RawLine cut = new RawLine(1, 0, utf8(VALID), utf8(VALID).length + 10);

        assertInstanceOf(IngestRecord.Malformed.class, TrailLineDecoding.toRecord(cut, format));
    }

    static final String OTLP_TWO_GOOD_ONE_BAD = "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
            + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"travel-desk\"}}]},\"scopeSpans\":[{\"spans\":["
            + span("00f067aa0ba902b7", "chat") + "," + span("00f067aa0ba902b8", "execute_tool") + ","
            + "{\"traceId\":\"xyz\",\"spanId\":\"00f067aa0ba902b9\",\"name\":\"chat\"}]}]}]}";

    static String span(String spanId, String operation) {
        return "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"" + spanId + "\",\"name\":\"" + operation
                + "\",\"startTimeUnixNano\":\"1795183331250000000\",\"endTimeUnixNano\":\"1795183332250000000\","
                + "\"attributes\":[{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"" + operation + "\"}}]}";
    }

    final io.trailkeeper.ingest.format.otlp.control.OtlpGenAiSpanFormat otlp =
            new io.trailkeeper.ingest.format.otlp.control.OtlpGenAiSpanFormat(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachSpanOfAnOtlpLineIsItsOwnRecordAndABadSpanIsSetAsideAlone() {
        java.util.List<IngestRecord> records = TrailLineDecoding.spanRecords(line(4, 900, OTLP_TWO_GOOD_ONE_BAD), otlp);

        assertEquals(3, records.size());
        IngestRecord.Event first = assertInstanceOf(IngestRecord.Event.class, records.get(0));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7", first.draft().sourceEventId());
        assertEquals("travel-desk", first.draft().agentId());
        assertEquals(new SourcePosition(4, 900), first.position());
        assertInstanceOf(IngestRecord.Event.class, records.get(1));
        IngestRecord.Malformed bad = assertInstanceOf(IngestRecord.Malformed.class, records.get(2));
        assertTrue(bad.reason().startsWith("span 3"), bad.reason());
        assertArrayEquals(utf8(OTLP_TWO_GOOD_ONE_BAD), bad.raw(), "the whole line is kept for re-processing");
    }

    @Test
    void anOtlpLineThatIsNotJsonIsSetAsideOnceWithoutASpanNumber() {
        java.util.List<IngestRecord> records = TrailLineDecoding.spanRecords(line(1, 0, "{\"resourceSpans\": ["), otlp);

        IngestRecord.Malformed bad = assertInstanceOf(IngestRecord.Malformed.class, records.get(0));
        assertEquals(1, records.size());
        assertFalse(bad.reason().startsWith("span"), bad.reason());
    }

    @Test
    void onlyFileFormatsCanBeReadFromLines() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrailLineDecoding.readerFor(io.trailkeeper.trail.entity.SourceKind.LANGFUSE_API, LineDigest.UNKEYED));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TrailLineDecoding.forFormat("CSV", LineDigest.UNKEYED));
        assertEquals(3, TrailLineDecoding.readerFor(io.trailkeeper.trail.entity.SourceKind.OTLP_JSON, LineDigest.UNKEYED)
                .apply(line(1, 0, OTLP_TWO_GOOD_ONE_BAD)).size());
    }

    @Test
    void decodedLinesAreMaskedAheadAndSayWhatWasMasked() {
        String secret = "{\"timestamp\":\"2026-10-05T01:00:00Z\",\"agent_id\":\"a\",\"action\":\"email.send\","
                + "\"target\":\"mail to jane.doe@example.com\",\"prompt\":\"key sk-abcdefghijklmnopqrstuvwxyz123456\"}";
        java.util.List<IngestRecord> records = TrailLineDecoding.forFormat("JSONL_FILE", LineDigest.UNKEYED).apply(line(1, 0, secret));
        IngestRecord.Event event = assertInstanceOf(IngestRecord.Event.class, records.get(0));
        assertTrue(event.alreadyMasked());
        assertEquals(1, event.maskedCounts().emails());
        assertEquals(1, event.maskedCounts().secrets());
        assertFalse(event.draft().target().contains("jane.doe"), event.draft().target());
        assertFalse(event.draft().contentJson().contains("sk-abc"), "content masked before it is stored");
    }
}
