package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.Set;

/**
 * What a legal hold covers: events of these subjects (pseudonyms), agents and sources that occurred in
 * [{@code from}, {@code until}). An empty set or a null bound covers everything in that dimension;
 * an event is covered when every dimension covers it.
 */
public record HoldScope(Set<String> subjectPseudonyms, Set<String> agents, Set<String> sources, Instant from, Instant until) {

    public HoldScope {
        subjectPseudonyms = Set.copyOf(subjectPseudonyms);
        agents = Set.copyOf(agents);
        sources = Set.copyOf(sources);
    }

    public boolean everything() {
        return subjectPseudonyms.isEmpty() && agents.isEmpty() && sources.isEmpty() && from == null && until == null;
    }
}
