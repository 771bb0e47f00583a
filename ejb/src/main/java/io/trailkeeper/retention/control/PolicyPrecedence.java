package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.PolicyConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which policy governs an event that several active policies cover. The more specific scope wins (a
 * policy naming agents over one naming only sources over one for the whole class): narrowing a policy
 * is how an officer states an exception. Between equally specific policies the longer period wins, so
 * no event goes earlier than an equally applicable policy asks to keep it (GDPR Art. 5(1)(e) limits
 * storage to what is necessary; keeping it as long as a policy says is necessary is the safe reading);
 * then the older policy. Every overlap is reported as a conflict with its winner. Pure.
 */
public final class PolicyPrecedence {

    /** The parts of a policy that decide what it covers and how it ranks. */
    public record Scope(UUID id, String recordClass, Set<String> sources, Set<String> agents, int periodDays, Instant createdAt) {

        public Scope {
            sources = Set.copyOf(sources);
            agents = Set.copyOf(agents);
        }

        int specificity() {
            return (agents.isEmpty() ? 0 : 2) + (sources.isEmpty() ? 0 : 1);
        }
    }

    /** Higher ranks first. */
    static final Comparator<Scope> RANK = Comparator.comparingInt(Scope::specificity).reversed()
            .thenComparing(Comparator.comparingInt(Scope::periodDays).reversed())
            .thenComparing(Scope::createdAt)
            .thenComparing(Scope::id);

    private PolicyPrecedence() {
    }

    /** Whether some event can fall under both: same class, and in each dimension either is unnarrowed or they share a value. */
    public static boolean overlap(Scope a, Scope b) {
        return a.recordClass().equals(b.recordClass()) && shares(a.sources(), b.sources()) && shares(a.agents(), b.agents());
    }

    /** The policies that overlap {@code policy} and win over it: its events in their scope are theirs. */
    public static List<Scope> outranking(Scope policy, List<Scope> all) {
        return all.stream().filter(o -> !o.id().equals(policy.id()) && overlap(policy, o) && RANK.compare(o, policy) < 0).toList();
    }

    public static List<PolicyConflict> conflicts(List<Scope> all) {
        List<Scope> sorted = new ArrayList<>(all);
        sorted.sort(RANK);
        List<PolicyConflict> conflicts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                Scope winner = sorted.get(i);
                Scope loser = sorted.get(j);
                if (overlap(winner, loser)) {
                    conflicts.add(new PolicyConflict(winner.recordClass(), winner.id(), loser.id(), overlapOf(winner, loser),
                            winner.id(), why(winner, loser)));
                }
            }
        }
        return Collections.unmodifiableList(conflicts);
    }

    static String why(Scope winner, Scope loser) {
        if (winner.specificity() != loser.specificity()) {
            return "the more specific scope wins (" + describe(winner) + " over " + describe(loser) + ")";
        }
        if (winner.periodDays() != loser.periodDays()) {
            return "equally specific: the longer period wins (" + winner.periodDays() + " over " + loser.periodDays() + " days)";
        }
        return "equally specific, same period: the older policy wins";
    }

    private static String describe(Scope scope) {
        return switch (scope.specificity()) {
            case 0 -> "whole class";
            case 1 -> "sources";
            case 2 -> "agents";
            default -> "agents and sources";
        };
    }

    private static String overlapOf(Scope a, Scope b) {
        return a.recordClass() + " sources " + intersection(a.sources(), b.sources()) + ", agents " + intersection(a.agents(), b.agents());
    }

    private static String intersection(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return "all";
        }
        Set<String> shared = new TreeSet<>(a.isEmpty() ? b : a);
        if (!a.isEmpty() && !b.isEmpty()) {
            shared.retainAll(b);
        }
        return shared.toString();
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }
}
