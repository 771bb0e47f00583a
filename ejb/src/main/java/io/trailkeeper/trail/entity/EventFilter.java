package io.trailkeeper.trail.entity;

import java.time.Instant;

/**
 * Which events someone asks for. Every criterion is optional; {@code from} is inclusive and
 * {@code to} exclusive, so consecutive periods never count an event twice. Text criteria match
 * exactly (after trimming); a criterion longer than its column can never match and is refused,
 * so a typo shows up as an error instead of an empty page.
 */
public record EventFilter(Instant from, Instant to, String agentId, String action, String result, String region,
                          String subjectPseudonym) {

    /** The width of the agent, action, result and region columns. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** A pseudonym is 64 hex characters (HMAC-SHA256). */
    public static final int MAX_PSEUDONYM_LENGTH = 64;

    public EventFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQuery("'from' must be before 'to'");
        }
        agentId = checked("agent", agentId, MAX_TEXT_LENGTH);
        action = checked("action", action, MAX_TEXT_LENGTH);
        result = checked("result", result, MAX_TEXT_LENGTH);
        region = checked("region", region, MAX_TEXT_LENGTH);
        subjectPseudonym = checked("subjectPseudonym", subjectPseudonym, MAX_PSEUDONYM_LENGTH);
    }

    public EventFilter(Instant from, Instant to, String agentId, String action, String subjectPseudonym) {
        this(from, to, agentId, action, null, null, subjectPseudonym);
    }

    public EventFilter(Instant from, Instant to, String agentId, String action) {
        this(from, to, agentId, action, null, null, null);
    }

    public static EventFilter period(Instant from, Instant to) {
        return new EventFilter(from, to, null, null);
    }

    private static String checked(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new InvalidQuery("'" + name + "' is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
