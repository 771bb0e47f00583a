package io.trailkeeper.trail.entity;

import java.time.Instant;

/**
 * One audit event as a source reported it, normalized but not yet stored. Every ingest format
 * produces these; {@link AuditEvent} is what they become once accepted into the trail.
 *
 * @param contentJson a JSON object with every source field not mapped to a column (prompts, outputs,
 *                    tool arguments, unknown attributes), so nothing a source said is dropped; null when none
 */
public record AuditEventDraft(
        String sourceEventId, Instant occurredAt,
        String agentId, String agentName, String agentVersion,
        String deployment, String region,
        String subjectRef, String sessionId,
        String action, String target, String result, String reason,
        Boolean humanConfirmed,
        String model, Long inputTokens, Long outputTokens, Long latencyMs,
        String error, String dataCategory,
        String contentJson) {

    /** Names the event, never its subject or content: a draft that reaches a log must not leak prompts. */
    @Override
    public String toString() {
        return "AuditEventDraft[sourceEventId=" + sourceEventId + ", occurredAt=" + occurredAt + ", agentId=" + agentId
                + ", action=" + action + ", content=" + (contentJson == null ? "none" : contentJson.length() + " chars") + "]";
    }
}
