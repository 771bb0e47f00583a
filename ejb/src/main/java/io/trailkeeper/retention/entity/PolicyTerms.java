package io.trailkeeper.retention.entity;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated terms of a retention policy: its class, period, expiry action, the preset it came
 * from (if any), and the sources and agents it is narrowed to (empty: all).
 */
public record PolicyTerms(String recordClass, int periodDays, ExpiryAction expiryAction, String preset,
                          Set<String> sources, Set<String> agents) {

    public PolicyTerms {
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(expiryAction, "expiryAction");
        sources = Set.copyOf(sources);
        agents = Set.copyOf(agents);
    }

    /** One line for the change record, e.g. {@code CONVERSATION_LOG 90 days DELETE_EVENT sources=[a]}. */
    public String described() {
        return recordClass + " " + periodDays + " days " + expiryAction
                + (sources.isEmpty() ? "" : " sources=" + new TreeSet<>(sources))
                + (agents.isEmpty() ? "" : " agents=" + new TreeSet<>(agents))
                + (preset == null ? "" : " preset=" + preset);
    }
}
