package io.trailkeeper.web.trail;

import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.MaskingCounts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit event as the REST API shows it. The subject appears only as its pseudonym; {@code masked}
 * counts what was masked in the event before it was stored.
 * {@code content} is filled only when one event is fetched; {@code contentStatus} says why it may be
 * missing: {@code none} (the source sent none), {@code erased} (the subject's key was destroyed),
 * {@code readable}, or {@code not-fetched} in lists.
 */
public record EventView(UUID id, Instant occurredAt, Instant ingestedAt, String source, String sourceEventId,
                        String agentId, String agentName, String agentVersion, String deployment, String region,
                        String subjectPseudonym, String sessionId, String action, String target, String result, String reason,
                        Boolean humanConfirmed, String model, Long inputTokens, Long outputTokens, Long latencyMs,
                        String error, String dataCategory, MaskingCounts masked, String contentStatus, JsonObject content) {

    public static EventView summary(AuditEvent e) {
        return of(e, e.storedContent().isPresent() ? "not-fetched" : "none", null);
    }

    public static EventView full(AuditEvent e, Optional<String> clearContent) {
        if (e.storedContent().isEmpty()) {
            return of(e, "none", null);
        }
        return clearContent.map(json -> of(e, "readable", parse(json))).orElseGet(() -> of(e, "erased", null));
    }

    private static EventView of(AuditEvent e, String contentStatus, JsonObject content) {
        return new EventView(e.id(), e.occurredAt(), e.ingestedAt(), e.source().name(), e.sourceEventId(),
                e.agentId(), e.agentName(), e.agentVersion(), e.deployment(), e.region(),
                e.subjectPseudonym(), e.sessionId(), e.action(), e.target(), e.result(), e.reason(),
                e.humanConfirmed(), e.model(), e.inputTokens(), e.outputTokens(), e.latencyMs(),
                e.error(), e.dataCategory(), e.masked(), contentStatus, content);
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
