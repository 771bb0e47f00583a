package io.trailkeeper.retention.boundary;

import io.trailkeeper.retention.control.LegalFloors;
import io.trailkeeper.retention.control.PolicyPrecedence;
import io.trailkeeper.retention.control.RetentionChecks;
import io.trailkeeper.retention.control.RetentionPresets;
import io.trailkeeper.retention.entity.ChangeView;
import io.trailkeeper.retention.entity.FrameworkChange;
import io.trailkeeper.retention.entity.FrameworkSetting;
import io.trailkeeper.retention.entity.LegalFloor;
import io.trailkeeper.retention.entity.LegalFramework;
import io.trailkeeper.retention.entity.PolicyConflict;
import io.trailkeeper.retention.entity.PolicyDefinition;
import io.trailkeeper.retention.entity.PolicyPreset;
import io.trailkeeper.retention.entity.PolicyTerms;
import io.trailkeeper.retention.entity.PolicyView;
import io.trailkeeper.retention.entity.RecordClass;
import io.trailkeeper.retention.entity.RetentionChange;
import io.trailkeeper.retention.entity.RetentionPolicy;
import io.trailkeeper.retention.entity.RetentionRejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Retention policies per record class (GDPR Art. 5(1)(e): kept no longer than necessary), their
 * presets, the legal floors no policy may undercut, conflicts between overlapping policies, the
 * frameworks switched on, and the record of every change (who, when, old -> new, why).
 */
@Stateless
public class RetentionPolicies {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    RecordClassification classification;

    public List<PolicyView> list(boolean includeRetired) {
        List<RetentionPolicy> policies = em.createQuery("SELECT p FROM RetentionPolicy p"
                + (includeRetired ? "" : " WHERE p.retiredAt IS NULL") + " ORDER BY p.recordClass, p.createdAt", RetentionPolicy.class)
                .getResultList();
        List<PolicyPrecedence.Scope> scopes = activeScopes();
        List<FrameworkSetting> frameworks = frameworks();
        return policies.stream().map(p -> view(p, scopes, frameworks)).toList();
    }

    public PolicyView find(UUID id) {
        return view(require(id), activeScopes(), frameworks());
    }

    /** The presets, each judged against the floors of its class under the frameworks switched on now. */
    public List<PolicyPreset> presets() {
        List<FrameworkSetting> frameworks = frameworks();
        return RetentionPresets.all().stream()
                .map(p -> p.judged(LegalFloors.binding(floorsOf(p.recordClass(), frameworks)).orElse(null))).toList();
    }

    public PolicyView add(PolicyDefinition asked, String by) {
        PolicyTerms terms = RetentionChecks.policy(asked, classification.classCodes());
        refuseBelowFloor(terms);
        String reason = asked.reason() == null || asked.reason().isBlank()
                ? (terms.preset() == null ? "new policy" : "new policy from preset " + terms.preset())
                : RetentionChecks.reason(asked.reason());
        RetentionPolicy policy = new RetentionPolicy(terms, clock.instant(), by);
        em.persist(policy);
        record(policy, null, terms.described(), reason, by);
        return view(policy, activeScopes(), frameworks());
    }

    public PolicyView change(UUID id, PolicyDefinition asked, String by) {
        RetentionPolicy policy = requireActive(id);
        PolicyTerms terms = RetentionChecks.policy(asked, classification.classCodes());
        String reason = RetentionChecks.reason(asked.reason());
        refuseBelowFloor(terms);
        String before = policy.terms().described();
        policy.apply(terms, clock.instant(), by);
        record(policy, before, terms.described(), reason, by);
        return view(policy, activeScopes(), frameworks());
    }

    /** Retires a policy: its events are kept (or fall to another policy) from now on; its history stays. */
    public PolicyView retire(UUID id, String why, String by) {
        RetentionPolicy policy = requireActive(id);
        String reason = RetentionChecks.reason(why);
        String before = policy.terms().described();
        policy.retire(clock.instant(), by);
        record(policy, before, "retired", reason, by);
        return view(policy, activeScopes(), frameworks());
    }

    public List<PolicyConflict> conflicts() {
        return PolicyPrecedence.conflicts(activeScopes());
    }

    public List<FrameworkSetting> frameworks() {
        return classification.frameworks();
    }

    /**
     * Switches a framework on or off, or sets SOC 2's audit period and margin. Switching one on never
     * fails for existing policies below its floor: the floor holds their events back (the dry run shows
     * it) until an officer raises them.
     */
    public FrameworkSetting changeFramework(String code, FrameworkChange asked, String by) {
        LegalFramework framework = code == null ? null : em.find(LegalFramework.class, code);
        if (framework == null) {
            throw new RetentionRejected(RetentionRejected.Reason.UNKNOWN, "no framework " + code + "; there are HIPAA and SOC2");
        }
        String reason = RetentionChecks.reason(asked == null ? null : asked.reason());
        FrameworkSetting before = framework.setting();
        List<String> problems = new ArrayList<>();
        Integer period = asked.auditPeriodDays() == null ? before.auditPeriodDays() : asked.auditPeriodDays();
        Integer margin = asked.marginDays() == null ? before.marginDays() : asked.marginDays();
        if (LegalFramework.SOC2.equals(code)) {
            if (period == null || period < 1 || period > 3660) {
                problems.add("auditPeriodDays must be between 1 and 3660");
            }
            if (margin == null || margin < 0 || margin > 3660) {
                problems.add("marginDays must be between 0 and 3660");
            }
        } else if (asked.auditPeriodDays() != null || asked.marginDays() != null) {
            problems.add("only SOC2 has an audit period and a margin");
        }
        if (!problems.isEmpty()) {
            throw RetentionChecks.invalid(problems);
        }
        boolean enabled = asked.enabled() == null ? before.enabled() : asked.enabled();
        framework.apply(new FrameworkSetting(code, enabled, period, margin, null, null), clock.instant(), by);
        long versions = em.createQuery("SELECT COUNT(c) FROM RetentionChange c WHERE c.kind = :kind AND c.subjectId = :id", Long.class)
                .setParameter("kind", RetentionChange.Kind.FRAMEWORK).setParameter("id", code).getSingleResult();
        em.persist(new RetentionChange(RetentionChange.Kind.FRAMEWORK, code, (int) versions + 1, clock.instant(), by,
                before.described(), framework.setting().described(), reason));
        return framework.setting();
    }

    /** Recorded changes, newest first; of one kind and subject when given. */
    public List<ChangeView> changes(RetentionChange.Kind kind, String subjectId, int max) {
        String where = kind == null ? "" : subjectId == null ? " WHERE c.kind = :kind" : " WHERE c.kind = :kind AND c.subjectId = :id";
        var query = em.createQuery("SELECT c FROM RetentionChange c" + where + " ORDER BY c.changedAt DESC, c.version DESC",
                RetentionChange.class).setMaxResults(max);
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (kind != null && subjectId != null) {
            query.setParameter("id", subjectId);
        }
        return query.getResultList().stream().map(ChangeView::of).toList();
    }

    public List<LegalFloor> floorsOf(String recordClass, List<FrameworkSetting> frameworks) {
        RecordClass c = em.find(RecordClass.class, recordClass);
        return c == null ? List.of() : LegalFloors.of(c.hipaaDocumentation(), c.soc2Evidence(), frameworks);
    }

    public List<PolicyPrecedence.Scope> activeScopes() {
        return em.createQuery("SELECT p FROM RetentionPolicy p WHERE p.retiredAt IS NULL", RetentionPolicy.class).getResultList()
                .stream().map(RetentionPolicies::scope).toList();
    }

    static PolicyPrecedence.Scope scope(RetentionPolicy p) {
        PolicyTerms t = p.terms();
        return new PolicyPrecedence.Scope(p.id(), t.recordClass(), t.sources(), t.agents(), t.periodDays(), p.createdAt());
    }

    private void refuseBelowFloor(PolicyTerms terms) {
        Optional<LegalFloor> undercut = LegalFloors.undercut(terms.periodDays(), floorsOf(terms.recordClass(), frameworks()));
        if (undercut.isPresent()) {
            throw new RetentionRejected(RetentionRejected.Reason.BELOW_FLOOR, terms.periodDays() + " days for " + terms.recordClass()
                    + " undercuts the legal floor " + undercut.get().described() + "; refused by rule '" + undercut.get().rule() + "'");
        }
    }

    private RetentionPolicy require(UUID id) {
        RetentionPolicy policy = id == null ? null : em.find(RetentionPolicy.class, id);
        if (policy == null) {
            throw new RetentionRejected(RetentionRejected.Reason.UNKNOWN, "no retention policy with id " + id);
        }
        return policy;
    }

    private RetentionPolicy requireActive(UUID id) {
        RetentionPolicy policy = require(id);
        if (policy.retired()) {
            throw new RetentionRejected(RetentionRejected.Reason.CONFLICT, "retention policy " + id + " is retired");
        }
        return policy;
    }

    private void record(RetentionPolicy policy, String before, String after, String reason, String by) {
        em.persist(new RetentionChange(RetentionChange.Kind.POLICY, policy.id().toString(), policy.version(), clock.instant(), by,
                before, after, reason));
    }

    private PolicyView view(RetentionPolicy p, List<PolicyPrecedence.Scope> active, List<FrameworkSetting> frameworks) {
        PolicyTerms t = p.terms();
        LegalFloor floor = LegalFloors.binding(floorsOf(t.recordClass(), frameworks)).orElse(null);
        List<UUID> outranked = p.retired() ? List.of()
                : PolicyPrecedence.outranking(scope(p), active).stream().map(PolicyPrecedence.Scope::id).toList();
        return new PolicyView(p.id(), p.version(), t.recordClass(), t.periodDays(),
                floor == null ? t.periodDays() : Math.max(floor.days(), t.periodDays()), t.expiryAction(), t.preset(),
                List.copyOf(new TreeSet<>(t.sources())), List.copyOf(new TreeSet<>(t.agents())), floor, outranked,
                p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy(), p.retiredAt());
    }
}
