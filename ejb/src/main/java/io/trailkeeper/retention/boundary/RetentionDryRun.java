package io.trailkeeper.retention.boundary;

import io.trailkeeper.retention.control.ClassificationSql;
import io.trailkeeper.retention.control.ExpiredEvents;
import io.trailkeeper.retention.control.ExpiryCounts;
import io.trailkeeper.retention.control.LegalFloors;
import io.trailkeeper.retention.control.PolicyPrecedence;
import io.trailkeeper.retention.entity.BlockedSubject;
import io.trailkeeper.retention.entity.DryRun;
import io.trailkeeper.retention.entity.DryRunLine;
import io.trailkeeper.retention.entity.EventPosition;
import io.trailkeeper.retention.entity.FrameworkSetting;
import io.trailkeeper.retention.entity.PolicyView;
import io.trailkeeper.retention.entity.RecordClassView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What retention would do as of an instant, deleting nothing: per active policy, the expired events
 * of its scope, how many would go and how many are held back by which floor, hold or open
 * data-subject request, and the oldest and newest that would go. Counted in SQL, one statement per
 * policy, with the same classification expression the deletion will use.
 */
@Stateless
public class RetentionDryRun {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @EJB
    RecordClassification classification;

    @EJB
    RetentionPolicies policies;

    @EJB
    LegalHolds holds;

    @Inject
    @Any
    Instance<OpenSubjectRequests> subjectRequests;

    public DryRun asOf(Instant at) {
        ClassificationSql classes = classification.classificationSql();
        List<PolicyPrecedence.Scope> scopes = policies.activeScopes();
        Map<UUID, PolicyView> views = policies.list(false).stream().collect(Collectors.toMap(PolicyView::id, Function.identity()));
        Limits limits = limits();
        Connection connection = em.unwrap(Connection.class);
        List<DryRunLine> lines = new ArrayList<>();
        for (PolicyPrecedence.Scope scope : scopes) {
            PolicyView view = views.get(scope.id());
            ExpiryCounts.Answer answer;
            try {
                answer = ExpiryCounts.count(connection, classes, question(scope, scopes, limits, at));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count what policy " + scope.id() + " would delete", e);
            }
            lines.add(new DryRunLine(scope.id(), view.version(), scope.recordClass(), view.sources(), view.agents(),
                    scope.periodDays(), view.expiryAction(), answer.cutoff(), answer.expired(), answer.expired() - answer.heldBack(),
                    answer.heldBack(), answer.heldBackBy(), answer.oldest(), answer.newest()));
        }
        lines.sort(java.util.Comparator.comparing(DryRunLine::recordClass).thenComparing(l -> l.policyId().toString()));
        Set<String> covered = scopes.stream().map(PolicyPrecedence.Scope::recordClass).collect(Collectors.toSet());
        List<String> uncovered = classification.classes().stream()
                .filter(c -> c.events() > 0 && !covered.contains(c.code())).map(RecordClassView::code).toList();
        return new DryRun(at, lines, policies.conflicts(), uncovered);
    }

    /**
     * The next events a deletion run as of {@code at} deletes under one policy: those the dry run for the
     * same instant counts as "would go" (same scope, cutoff, precedence, floors, holds and open
     * data-subject requests, all read now), oldest first after {@code after}. Empty when the policy is
     * no longer active or nothing is left. A policy whose period changed since the run was planned is
     * applied with the longer of both periods: a run never deletes more than either version allows.
     */
    public List<EventPosition> nextToDelete(Instant at, UUID policyId, int plannedPeriodDays, EventPosition after, int limit) {
        List<PolicyPrecedence.Scope> scopes = policies.activeScopes();
        var found = scopes.stream().filter(s -> s.id().equals(policyId)).findFirst();
        if (found.isEmpty()) {
            return List.of();
        }
        PolicyPrecedence.Scope now = found.get();
        var scope = new PolicyPrecedence.Scope(now.id(), now.recordClass(), now.sources(), now.agents(),
                Math.max(now.periodDays(), plannedPeriodDays), now.createdAt());
        try {
            return ExpiredEvents.next(em.unwrap(Connection.class), classification.classificationSql(),
                    question(scope, scopes, limits(), at), after, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot select what policy " + policyId + " deletes", e);
        }
    }

    /** What limits every policy: the frameworks switched on, the holds in force, the subjects with open requests. */
    private record Limits(List<FrameworkSetting> frameworks, List<ExpiryCounts.ActiveHold> holds, List<BlockedSubject> blocked) {
    }

    private Limits limits() {
        return new Limits(policies.frameworks(), holds.active(), blockedSubjects());
    }

    private ExpiryCounts.Question question(PolicyPrecedence.Scope scope, List<PolicyPrecedence.Scope> scopes, Limits limits, Instant at) {
        var floor = LegalFloors.binding(policies.floorsOf(scope.recordClass(), limits.frameworks())).orElse(null);
        return new ExpiryCounts.Question(scope, PolicyPrecedence.outranking(scope, scopes), floor, limits.holds(), limits.blocked(), at);
    }

    private List<BlockedSubject> blockedSubjects() {
        List<BlockedSubject> blocked = new ArrayList<>();
        for (OpenSubjectRequests requests : subjectRequests) {
            blocked.addAll(requests.blockingPurge());
        }
        return blocked;
    }
}
