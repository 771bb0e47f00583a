package io.trailkeeper.web.trail;

import io.trailkeeper.trail.entity.AuditEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** An audit event as the REST API shows it. {@code content} is only filled when one event is fetched. */
public record EventView(UUID id, Instant occurredAt, Instant ingestedAt, String source, String sourceEventId,
                        String agentId, String agentName, String agentVersion, String deployment, String region,
                        String subjectRef, String sessionId, String action, String target, String result, String reason,
                        Boolean humanConfirmed, String model, Long inputTokens, Long outputTokens, Long latencyMs,
                        String error, String dataCategory, JsonObject content) {

    public static EventView summary(AuditEvent e) {
        return of(e, null);
    }

    public static EventView full(AuditEvent e) {
        return of(e, e.contentJson().map(EventView::parse).orElse(null));
    }

    private static EventView of(AuditEvent e, JsonObject content) {
        return new EventView(e.id(), e.occurredAt(), e.ingestedAt(), e.source().name(), e.sourceEventId(),
                e.agentId(), e.agentName(), e.agentVersion(), e.deployment(), e.region(),
                e.subjectRef(), e.sessionId(), e.action(), e.target(), e.result(), e.reason(),
                e.humanConfirmed(), e.model(), e.inputTokens(), e.outputTokens(), e.latencyMs(),
                e.error(), e.dataCategory(), content);
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
