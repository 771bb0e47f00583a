package io.trailkeeper.web.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuarantineResourceTest {

    @Test
    void thePreviewOfARecordMasksWhatTheRecordLeaks() {
        String leaky = "{\"timestamp\":\"2026-10-05T03:00:00\",\"prompt\":\"mail jane.doe@example.com\",\"api_key\":\"abcdef123456\"";

        String preview = QuarantineResource.preview(leaky.getBytes(StandardCharsets.UTF_8));

        assertFalse(preview.contains("jane.doe@example.com"), preview);
        assertFalse(preview.contains("abcdef123456"), preview);
        assertTrue(preview.contains("2026-10-05T03:00:00"), "the rest stays readable: " + preview);
    }

    @Test
    void aLongRecordIsPreviewedByItsHead() {
        String preview = QuarantineResource.preview("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));

        assertEquals(QuarantineResource.PREVIEW_CHARACTERS + 1, preview.length());
        assertTrue(preview.endsWith("…"));
    }

    @Test
    void bytesThatAreNotUtf8DoNotBreakThePreview() {
        String preview = QuarantineResource.preview(new byte[]{'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertTrue(preview.startsWith("{"), preview);
    }

    @Test
    void fileFormatsAreNamedAsClientsWriteThem() {
        assertEquals(io.trailkeeper.trail.entity.SourceKind.OTLP_JSON, FileFormat.named("otlp-json"));
        assertEquals(io.trailkeeper.trail.entity.SourceKind.JSONL_FILE, FileFormat.named("agent-actions"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FileFormat.named("csv"));
        assertTrue(e.getMessage().contains("agent-actions"), e.getMessage());
    }
}
