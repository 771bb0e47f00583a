package io.trailkeeper.trail.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    static final Instant OCCURRED = Instant.parse("2026-02-18T05:34:00Z");
    static final Instant INGESTED = Instant.parse("2026-11-21T12:00:00Z");
    static final String CONTENT = "{\"prompt\":\"Refund order 8812? “Ja”, sagt Jürgen ✓\",\"tool_args\":{\"amount\":12.5}}";

    final AuditSource source = new AuditSource("support-bot logs", SourceKind.JSONL_FILE, null, INGESTED);

    static AuditEventDraft fullDraft(String contentJson) {
        return new AuditEventDraft("sha256:abc", OCCURRED,
                "support-bot", "Support Bot", "2.4.1",
                "prod-eu", "eu-west-1",
                "cust-4411", "s-91a",
                "refund.issue", "order/8812", "success", "customer asked for refund within policy",
                Boolean.TRUE,
                "gpt-4o-2024-08-06", 812L, 95L, 1430L,
                "card network timeout", "payment",
                contentJson);
    }

    static AuditEventDraft minimalDraft() {
        return new AuditEventDraft("e-1", OCCURRED, "a", null, null, null, null, null, null, "x",
                null, null, null, null, null, null, null, null, null, null, null);
    }

    static final String PSEUDONYM = "ps1_" + "A".repeat(43);
    static final UUID KEY_ID = UUID.fromString("5b0e6f5e-9a51-4f3b-9d4c-1d7c1b3e2f10");

    AuditEvent event(AuditEventDraft draft, String pseudonym, StoredContent content, Long execution) {
        return new AuditEvent(UUID.randomUUID(), source, draft, pseudonym, content, new MaskingCounts(1, 0, 0, 2, 0), execution, INGESTED);
    }

    static StoredContent sealed(byte[] bytes) {
        return new StoredContent(bytes, ContentEncoding.AES256_GCM_V1, KEY_ID);
    }

    @Test
    void everyFieldOfTheDraftIsRecordedButTheSubjectOnlyAsItsPseudonym() {
        AuditEvent event = event(fullDraft(CONTENT), PSEUDONYM, sealed(new byte[]{1, 2, 3}), 17L);

        assertAll(
                () -> assertSame(source, event.source()),
                () -> assertEquals(17L, event.importExecutionId()),
                () -> assertEquals(INGESTED, event.ingestedAt()),
                () -> assertEquals("sha256:abc", event.sourceEventId()),
                () -> assertEquals(OCCURRED, event.occurredAt()),
                () -> assertEquals("support-bot", event.agentId()),
                () -> assertEquals("Support Bot", event.agentName()),
                () -> assertEquals("2.4.1", event.agentVersion()),
                () -> assertEquals("prod-eu", event.deployment()),
                () -> assertEquals("eu-west-1", event.region()),
                () -> assertEquals(PSEUDONYM, event.subjectPseudonym()),
                () -> assertEquals("s-91a", event.sessionId()),
                () -> assertEquals("refund.issue", event.action()),
                () -> assertEquals("order/8812", event.target()),
                () -> assertEquals("success", event.result()),
                () -> assertEquals("customer asked for refund within policy", event.reason()),
                () -> assertEquals(Boolean.TRUE, event.humanConfirmed()),
                () -> assertEquals("gpt-4o-2024-08-06", event.model()),
                () -> assertEquals(812L, event.inputTokens()),
                () -> assertEquals(95L, event.outputTokens()),
                () -> assertEquals(1430L, event.latencyMs()),
                () -> assertEquals("card network timeout", event.error()),
                () -> assertEquals("payment", event.dataCategory()),
                () -> assertEquals(new MaskingCounts(1, 0, 0, 2, 0), event.masked()));
    }

    @Test
    void theStoredContentIsKeptWithItsEncodingAndKey() {
        byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
        AuditEvent event = event(fullDraft(CONTENT), PSEUDONYM, sealed(bytes), null);

        StoredContent stored = event.storedContent().orElseThrow();
        assertArrayEquals(bytes, stored.bytes());
        assertEquals(ContentEncoding.AES256_GCM_V1, stored.encoding());
        assertEquals(KEY_ID, stored.keyId());
        assertEquals(ContentEncoding.AES256_GCM_V1, event.contentEncoding());
    }

    @Test
    void withoutContentThereIsNoEncodingAndNoContent() {
        AuditEvent event = event(fullDraft(null), null, null, null);

        assertEquals(Optional.empty(), event.storedContent());
        assertNull(event.contentEncoding());
        assertNull(event.subjectPseudonym());
    }

    @Test
    void encryptedContentMustNameItsKey() {
        assertThrows(IllegalArgumentException.class, () -> new StoredContent(new byte[]{1}, ContentEncoding.AES256_GCM_V1, null));
    }

    @Test
    void optionalFieldsMissingFromTheDraftStayEmpty() {
        AuditEvent event = event(minimalDraft(), null, null, null);

        assertAll(
                () -> assertNull(event.importExecutionId()),
                () -> assertNull(event.agentName()),
                () -> assertNull(event.humanConfirmed()),
                () -> assertNull(event.inputTokens()),
                () -> assertNull(event.latencyMs()),
                () -> assertEquals(Optional.empty(), event.storedContent()));
    }

    @Test
    void theEventKeepsTheIdItWasGiven() {
        UUID id = UUID.randomUUID();
        assertEquals(id, new AuditEvent(id, source, minimalDraft(), null, null, MaskingCounts.NONE, null, INGESTED).id());
        assertNotNull(id);
    }

    @Test
    void anEventNeedsItsIdentifyingFields() {
        assertThrows(NullPointerException.class, () -> new AuditEvent(UUID.randomUUID(), source,
                new AuditEventDraft(null, OCCURRED, "a", null, null, null, null, null, null, "x",
                        null, null, null, null, null, null, null, null, null, null, null), null, null, MaskingCounts.NONE, null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(UUID.randomUUID(), source,
                new AuditEventDraft("e-1", null, "a", null, null, null, null, null, null, "x",
                        null, null, null, null, null, null, null, null, null, null, null), null, null, MaskingCounts.NONE, null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(UUID.randomUUID(), source,
                new AuditEventDraft("e-1", OCCURRED, null, null, null, null, null, null, null, "x",
                        null, null, null, null, null, null, null, null, null, null, null), null, null, MaskingCounts.NONE, null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(UUID.randomUUID(), source,
                new AuditEventDraft("e-1", OCCURRED, "a", null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null), null, null, MaskingCounts.NONE, null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(UUID.randomUUID(), null, minimalDraft(), null, null, MaskingCounts.NONE, null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(UUID.randomUUID(), source, minimalDraft(), null, null, MaskingCounts.NONE, null, null));
        assertThrows(NullPointerException.class, () -> new AuditEvent(null, source, minimalDraft(), null, null, MaskingCounts.NONE, null, INGESTED));
    }
}
