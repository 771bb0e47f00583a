package io.trailkeeper.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuarantinedRecordSurrogateTest {

    @Test
    void aLongReasonIsNotCutInsideACharacter() {
        String reason = "r".repeat(998) + "\uD83D\uDE00" + "r".repeat(100);
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        QuarantinedRecord record = new QuarantinedRecord(new AuditSource("s", SourceKind.JSONL_FILE, null, now), null,
                new IngestRecord.Malformed(new SourcePosition(1, 0), reason, new byte[1], 1), new byte[32], now);

        String kept = record.reason();
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 2)), "lone high surrogate before the ellipsis");
    }
}
