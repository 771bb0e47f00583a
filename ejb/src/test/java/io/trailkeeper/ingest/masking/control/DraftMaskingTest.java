package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.MaskingCounts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DraftMaskingTest {

    private final DraftMasking masking = new DraftMasking(new SensitiveDataMasking());
    private static final String FAKE_OPENAI_KEY = "sk-proj-" + "A1b2C3d4".repeat(5);

    private static AuditEventDraft draft(String target, String reason, String error, String content) {
        return new AuditEventDraft("e-1", Instant.parse("2026-11-20T10:00:00Z"), "support-bot", null, null, null, "eu-west-1",
                "jane.doe@example.com", "s-1", "email.send", target, "success", reason, Boolean.TRUE, "gpt-4o", 10L, 5L, 700L,
                error, null, content);
    }

    @Test
    void freeTextAndContentAreMaskedAndCounted() {
        AuditEventDraft original = draft("mailto:jane.doe@example.com", "customer phoned from (415) 555-0132",
                "auth failed for key " + FAKE_OPENAI_KEY,
                "{\"prompt\":\"card 4111 1111 1111 1111, ssn 123-45-6789\",\"tool_args\":{\"to\":\"omar@example.org\"}}");

        DraftMasking.MaskedDraft masked = masking.mask(original);

        assertEquals(new MaskingCounts(1, 1, 1, 2, 1), masked.counts());
        assertFalse(masked.draft().target().contains("jane.doe"), masked.draft().target());
        assertFalse(masked.draft().reason().contains("555-0132"), masked.draft().reason());
        assertFalse(masked.draft().error().contains(FAKE_OPENAI_KEY));
        assertFalse(masked.draft().contentJson().contains("4111"), masked.draft().contentJson());
        assertFalse(masked.draft().contentJson().contains("omar@"), masked.draft().contentJson());
        assertTrue(masked.draft().contentJson().contains("[MASKED:PAYMENT_CARD]"), masked.draft().contentJson());
    }

    @Test
    void identifiersAreNotMaskedTheSubjectIsPseudonymisedElsewhere() {
        DraftMasking.MaskedDraft masked = masking.mask(draft("order/8812", null, null, "{\"note\":\"mail jane.doe@example.com\"}"));

        assertEquals("jane.doe@example.com", masked.draft().subjectRef());
        assertEquals("support-bot", masked.draft().agentId());
        assertEquals("s-1", masked.draft().sessionId());
        assertEquals("success", masked.draft().result());
        assertEquals("email.send", masked.draft().action());
        assertEquals(1, masked.counts().emails());
    }

    @Test
    void aCleanDraftIsKeptAsItIs() {
        AuditEventDraft clean = draft("order/8812", "within policy", null, "{\"prompt\":\"look up order 8812\"}");

        DraftMasking.MaskedDraft masked = masking.mask(clean);

        assertSame(clean, masked.draft());
        assertEquals(MaskingCounts.NONE, masked.counts());
    }
}
