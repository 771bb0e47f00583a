package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.control.AgentActionLogFormat;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AgentActionLineProcessorTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final String VALID = "{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"support-bot\","
            + " \"action\": \"refund.issue\", \"target\": \"order/8812\"}";

    final AgentActionLogFormat format = new AgentActionLogFormat(Clock.fixed(NOW, ZoneOffset.UTC));

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static RawLine line(long number, long offset, String text) {
        byte[] bytes = utf8(text);
        return new RawLine(number, offset, bytes, bytes.length);
    }

    @Test
    void aValidLineBecomesAnEventAtItsPositionInTheFile() {
        IngestRecord record = AgentActionLineProcessor.toRecord(line(3, 512, VALID), format);

        IngestRecord.Event event = assertInstanceOf(IngestRecord.Event.class, record);
        assertEquals(new SourcePosition(3, 512), event.position());
        assertEquals("support-bot", event.draft().agentId());
        assertEquals("refund.issue", event.draft().action());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), event.draft().occurredAt());
    }

    @Test
    void anInvalidLineIsQuarantinedWithItsReasonAndBytes() {
        String invalid = "{\"timestamp\": \"2026-11-20T10:00:00Z\", \"action\": \"refund.issue\"}";

        IngestRecord record = AgentActionLineProcessor.toRecord(line(7, 2048, invalid), format);

        IngestRecord.Malformed malformed = assertInstanceOf(IngestRecord.Malformed.class, record);
        assertEquals(new SourcePosition(7, 2048), malformed.position());
        assertTrue(malformed.reason().contains("agent"), malformed.reason());
        assertArrayEquals(utf8(invalid), malformed.raw());
        assertEquals(utf8(invalid).length, malformed.originalSize());
    }

    @Test
    void aLineThatIsNotJsonIsQuarantined() {
        IngestRecord record = AgentActionLineProcessor.toRecord(line(1, 0, "this is not JSON"), format);

        IngestRecord.Malformed malformed = assertInstanceOf(IngestRecord.Malformed.class, record);
        assertFalse(malformed.reason().isBlank());
        assertArrayEquals(utf8("this is not JSON"), malformed.raw());
    }

    @Test
    void aLineCutByTheReaderIsQuarantinedNamingTheLimitAndTheSetting() {
        byte[] head = utf8(VALID.substring(0, 40));
        RawLine cut = new RawLine(12, 4096, head, 2_000_000);

        IngestRecord record = AgentActionLineProcessor.toRecord(cut, format);

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

        assertInstanceOf(IngestRecord.Malformed.class, AgentActionLineProcessor.toRecord(cut, format));
    }
}
