package io.trailkeeper.residency.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * "Subjects of source X (and/or agent Y) live in {@code jurisdiction}": {@code EEA} or an ISO country.
 * A null source or agent matches any; the rule with the lowest order that matches decides.
 */
public record SubjectRuleView(UUID id, int evaluationOrder, String source, String agent, String jurisdiction,
                              Instant createdAt, String createdBy, String reason) {

    public boolean matches(String sourceName, String agentId) {
        return (source == null || source.equals(sourceName)) && (agent == null || agent.equalsIgnoreCase(agentId));
    }
}
