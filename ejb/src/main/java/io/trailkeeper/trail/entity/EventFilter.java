package io.trailkeeper.trail.entity;

import java.time.Instant;

/**
 * Which events someone asks for. Every criterion is optional; {@code from} is inclusive and
 * {@code to} exclusive, so consecutive periods never count an event twice.
 */
public record EventFilter(Instant from, Instant to, String agentId, String action, String subjectPseudonym) {

    public EventFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQuery("'from' must be before 'to'");
        }
        agentId = blankToNull(agentId);
        action = blankToNull(action);
        subjectPseudonym = blankToNull(subjectPseudonym);
    }

    public EventFilter(Instant from, Instant to, String agentId, String action) {
        this(from, to, agentId, action, null);
    }

    public static EventFilter period(Instant from, Instant to) {
        return new EventFilter(from, to, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
