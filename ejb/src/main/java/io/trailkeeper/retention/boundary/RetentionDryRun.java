package io.trailkeeper.retention.boundary;

import io.trailkeeper.retention.control.ClassificationSql;
import io.trailkeeper.retention.control.ExpiryCounts;
import io.trailkeeper.retention.control.LegalFloors;
import io.trailkeeper.retention.control.PolicyPrecedence;
import io.trailkeeper.retention.entity.BlockedSubject;
import io.trailkeeper.retention.entity.DryRun;
import io.trailkeeper.retention.entity.DryRunLine;
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
        List<FrameworkSetting> frameworks = policies.frameworks();
        List<ExpiryCounts.ActiveHold> active = holds.active();
        List<BlockedSubject> blocked = blockedSubjects();
        Connection connection = em.unwrap(Connection.class);
        List<DryRunLine> lines = new ArrayList<>();
        for (PolicyPrecedence.Scope scope : scopes) {
            PolicyView view = views.get(scope.id());
            var floor = LegalFloors.binding(policies.floorsOf(scope.recordClass(), frameworks)).orElse(null);
            ExpiryCounts.Answer answer;
            try {
                answer = ExpiryCounts.count(connection, classes, new ExpiryCounts.Question(scope,
                        PolicyPrecedence.outranking(scope, scopes), floor, active, blocked, at));
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

    private List<BlockedSubject> blockedSubjects() {
        List<BlockedSubject> blocked = new ArrayList<>();
        for (OpenSubjectRequests requests : subjectRequests) {
            blocked.addAll(requests.blockingPurge());
        }
        return blocked;
    }
}
