package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.trailkeeper.ingest.format.langfuse.control.LangfuseObservationFormat;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LangfuseObservationProcessorTest {

    final LangfuseObservationProcessor processor = new LangfuseObservationProcessor(
            new LangfuseObservationFormat(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC)));

    static List<PulledObservation> recordedPage2() throws UnreadablePage {
        ObservationPage page = ObservationPage.read(RecordedLangfuse.resource("page-2.json").getBytes(StandardCharsets.UTF_8), 1024 * 1024);
        return page.observations().stream().map(entry -> new PulledObservation(4 + entry.index(), 2, entry)).toList();
    }

    @Test
    void aBadObservationIsQuarantinedWithPageIndexIdAndItsOwnBytesWhileItsSiblingsAreEvents() throws UnreadablePage {
        List<PulledObservation> pulled = recordedPage2();
        List<?> records = pulled.stream().map(processor::processItem).map(List.class::cast).map(l -> l.get(0)).toList();

        IngestRecord.Event failedTool = assertInstanceOf(IngestRecord.Event.class, records.get(0));
        assertEquals("tool", failedTool.draft().action());
        assertEquals("error", failedTool.draft().result());
        IngestRecord.Malformed bad = assertInstanceOf(IngestRecord.Malformed.class, records.get(1));
        assertEquals("page 2, observation 2 (id 9f1c2a40-0005): timestamp 'yesterday at noon' is not an ISO-8601 date-time;"
                + " expected e.g. 2026-02-18T05:34:00Z or epoch milliseconds", bad.reason());
        assertEquals(new SourcePosition(5, pulled.get(1).entry().byteOffset()), bad.position());
        assertArrayEquals(pulled.get(1).entry().bytes(), bad.raw());
        assertInstanceOf(IngestRecord.Event.class, records.get(2));
    }

    @Test
    void anOversizeObservationIsQuarantinedWithItsTrueSize() {
        byte[] head = "{\"id\":\"big\",\"input\":\"xxxx".getBytes(StandardCharsets.UTF_8);
        IngestRecord record = processor.toRecord(new PulledObservation(12, 3, new ObservationEntry(1, "big", 400, head, 2_000_000)));
        IngestRecord.Malformed bad = assertInstanceOf(IngestRecord.Malformed.class, record);
        assertEquals("page 3, observation 2 (id big): observation is 2000000 bytes long; the limit is " + head.length
                + " bytes (trailkeeper.import.max-line-bytes)", bad.reason());
        assertEquals(2_000_000, bad.originalSize());
    }
}
