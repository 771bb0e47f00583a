package io.trailkeeper.trail.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
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

    @Test
    void everyFieldOfTheDraftIsRecorded() {
        AuditEvent event = new AuditEvent(source, fullDraft(CONTENT), 17L, INGESTED);

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
                () -> assertEquals("cust-4411", event.subjectRef()),
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
                () -> assertEquals("payment", event.dataCategory()));
    }

    @Test
    void theContentReadsBackExactlyAsGivenIncludingNonAsciiText() {
        AuditEvent event = new AuditEvent(source, fullDraft(CONTENT), null, INGESTED);

        assertEquals(Optional.of(CONTENT), event.contentJson());
        assertEquals(ContentEncoding.PLAIN_JSON, event.contentEncoding());
    }

    @Test
    void withoutContentThereIsNoEncodingAndNoContent() {
        AuditEvent event = new AuditEvent(source, fullDraft(null), null, INGESTED);

        assertEquals(Optional.empty(), event.contentJson());
        assertNull(event.contentEncoding());
    }

    @Test
    void optionalFieldsMissingFromTheDraftStayEmpty() {
        AuditEvent event = new AuditEvent(source, minimalDraft(), null, INGESTED);

        assertAll(
                () -> assertNull(event.importExecutionId()),
                () -> assertNull(event.agentName()),
                () -> assertNull(event.humanConfirmed()),
                () -> assertNull(event.inputTokens()),
                () -> assertNull(event.latencyMs()),
                () -> assertEquals(Optional.empty(), event.contentJson()));
    }

    @Test
    void eachEventGetsItsOwnId() {
        AuditEvent first = new AuditEvent(source, minimalDraft(), null, INGESTED);
        AuditEvent second = new AuditEvent(source, minimalDraft(), null, INGESTED);

        assertNotNull(first.id());
        assertNotEquals(first.id(), second.id());
    }

    @Test
    void anEventNeedsItsIdentifyingFields() {
        assertThrows(NullPointerException.class, () -> new AuditEvent(source,
                new AuditEventDraft(null, OCCURRED, "a", null, null, null, null, null, null, "x",
                        null, null, null, null, null, null, null, null, null, null, null), null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(source,
                new AuditEventDraft("e-1", null, "a", null, null, null, null, null, null, "x",
                        null, null, null, null, null, null, null, null, null, null, null), null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(source,
                new AuditEventDraft("e-1", OCCURRED, null, null, null, null, null, null, null, "x",
                        null, null, null, null, null, null, null, null, null, null, null), null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(source,
                new AuditEventDraft("e-1", OCCURRED, "a", null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null), null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(null, minimalDraft(), null, INGESTED));
        assertThrows(NullPointerException.class, () -> new AuditEvent(source, minimalDraft(), null, null));
    }
}
