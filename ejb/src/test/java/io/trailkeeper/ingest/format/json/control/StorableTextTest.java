package io.trailkeeper.ingest.format.json.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trailkeeper.trail.entity.AuditEventDraft;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void validUnicodeWithoutNulIsStorable() {
        assertNull(StorableText.problem(null));
        assertNull(StorableText.problem(""));
        assertNull(StorableText.problem("Grüße \u2713 \uD83D\uDE00\uD83D\uDE80 \u0001\u007f\uFFFF"));
    }

    @Test
    void theFirstProblemIsNamedWithTheOffendingCodeUnit() {
        assertEquals("contains U+0000 (a NUL character), which cannot be stored", StorableText.problem("a\u0000\uD800"));
        assertEquals("contains an unpaired surrogate (\\ud800), which is not valid Unicode", StorableText.problem("\uD800\u0000"));
        assertEquals("contains an unpaired surrogate (\\udfff), which is not valid Unicode", StorableText.problem("\uD83D\uDE00\uDFFF"));
        assertEquals("contains an unpaired surrogate (\\udbff), which is not valid Unicode", StorableText.problem("x\uDBFF"));
    }

    @Test
    void aDraftIsCheckedInEveryTextField() {
        AuditEventDraft good = draft("order/1", "{\"prompt\":\"a\\u0000b\"}");
        assertSame(good, StorableText.checked(good));

        assertEquals("event field 'target' contains U+0000 (a NUL character), which cannot be stored",
                assertThrows(InvalidRecordException.class, () -> StorableText.checked(draft("a\u0000b", null))).reason());
        assertEquals("a field kept as content contains an unpaired surrogate (\\udc00), which is not valid Unicode",
                assertThrows(InvalidRecordException.class, () -> StorableText.checked(draft(null, "{\"p\":\"\uDC00\"}"))).reason());
    }

    private static AuditEventDraft draft(String target, String contentJson) {
        return new AuditEventDraft("e-1", Instant.parse("2026-11-20T10:00:00Z"), "bot", null, null, null, null, null, null,
                "act", target, null, null, null, null, null, null, null, null, null, contentJson);
    }
}
