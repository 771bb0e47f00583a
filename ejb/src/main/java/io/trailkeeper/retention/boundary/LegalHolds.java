package io.trailkeeper.retention.boundary;

import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.protection.entity.SubjectPseudonym;
import io.trailkeeper.retention.control.ExpiryCounts;
import io.trailkeeper.retention.control.RetentionChecks;
import io.trailkeeper.retention.entity.HoldDefinition;
import io.trailkeeper.retention.entity.HoldScope;
import io.trailkeeper.retention.entity.HoldView;
import io.trailkeeper.retention.entity.LegalHold;
import io.trailkeeper.retention.entity.RetentionChange;
import io.trailkeeper.retention.entity.RetentionRejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Legal holds: placed with matter, reason, who and when, over subjects, agents, sources and a time
 * range; while not released they keep every deletion off what they cover. Placing and releasing are
 * both recorded. Subject identifiers become pseudonyms at once and are never stored or logged.
 */
@Stateless
public class LegalHolds {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SubjectVault vault;

    public List<HoldView> list(boolean includeReleased) {
        return em.createQuery("SELECT h FROM LegalHold h" + (includeReleased ? "" : " WHERE h.releasedAt IS NULL")
                + " ORDER BY h.placedAt DESC, h.id", LegalHold.class).getResultList().stream().map(LegalHolds::view).toList();
    }

    public HoldView find(UUID id) {
        return view(require(id));
    }

    /** The holds in force, for the dry run and the deletion job. */
    public List<ExpiryCounts.ActiveHold> active() {
        return em.createQuery("SELECT h FROM LegalHold h WHERE h.releasedAt IS NULL ORDER BY h.placedAt, h.id", LegalHold.class)
                .getResultList().stream().map(h -> new ExpiryCounts.ActiveHold(h.id(), h.matter(), h.scope())).toList();
    }

    public HoldView place(HoldDefinition asked, String by) {
        if (asked == null) {
            throw RetentionChecks.invalid(List.of("send the hold as a JSON object, e.g. {\"matter\":\"Doe v. Acme\",\"reason\":\"…\"}"));
        }
        List<String> problems = new ArrayList<>();
        String matter = RetentionChecks.text("matter", asked.matter(), 200, problems);
        String reason = RetentionChecks.text("reason", asked.reason(), 1000, problems);
        if (matter == null) {
            problems.add("matter is required");
        }
        if (reason == null) {
            problems.add("reason is required");
        }
        Set<String> pseudonyms = new TreeSet<>();
        for (String subject : RetentionChecks.names("subjects", asked.subjects(), 200, problems)) {
            pseudonyms.add(vault.pseudonymOf(subject));
        }
        for (String pseudonym : RetentionChecks.names("subjectPseudonyms", asked.subjectPseudonyms(), 64, problems)) {
            if (SubjectPseudonym.wellFormed(pseudonym)) {
                pseudonyms.add(pseudonym);
            } else {
                problems.add("subjectPseudonyms holds a value that is no pseudonym; send identifiers in 'subjects'");
            }
        }
        Set<String> agents = RetentionChecks.names("agents", asked.agents(), 200, problems);
        Set<String> sources = RetentionChecks.names("sources", asked.sources(), 100, problems);
        if (asked.from() != null && asked.until() != null && !asked.from().isBefore(asked.until())) {
            problems.add("'from' must be before 'until'");
        }
        if (!problems.isEmpty()) {
            throw RetentionChecks.invalid(problems);
        }
        HoldScope scope = new HoldScope(pseudonyms, agents, sources, asked.from(), asked.until());
        LegalHold hold = new LegalHold(matter, reason, scope, clock.instant(), by);
        em.persist(hold);
        em.persist(new RetentionChange(RetentionChange.Kind.HOLD, hold.id().toString(), 1, hold.placedAt(), by, null,
                "placed: " + described(matter, scope), reason));
        return view(hold);
    }

    public HoldView release(UUID id, String why, String by) {
        LegalHold hold = require(id);
        String reason = RetentionChecks.reason(why);
        if (!hold.active()) {
            throw new RetentionRejected(RetentionRejected.Reason.CONFLICT, "legal hold " + id + " was released at " + hold.releasedAt());
        }
        hold.release(reason, clock.instant(), by);
        em.persist(new RetentionChange(RetentionChange.Kind.HOLD, id.toString(), 2, hold.releasedAt(), by,
                "placed: " + described(hold.matter(), hold.scope()), "released", reason));
        return view(hold);
    }

    private LegalHold require(UUID id) {
        LegalHold hold = id == null ? null : em.find(LegalHold.class, id);
        if (hold == null) {
            throw new RetentionRejected(RetentionRejected.Reason.UNKNOWN, "no legal hold with id " + id);
        }
        return hold;
    }

    /** For the change record: counts of subjects only, never who they are. */
    private static String described(String matter, HoldScope scope) {
        return "'" + matter + "' subjects=" + scope.subjectPseudonyms().size() + " agents=" + new TreeSet<>(scope.agents())
                + " sources=" + new TreeSet<>(scope.sources()) + " from=" + scope.from() + " until=" + scope.until();
    }

    private static HoldView view(LegalHold h) {
        HoldScope s = h.scope();
        return new HoldView(h.id(), h.matter(), h.reason(), h.placedBy(), h.placedAt(), List.copyOf(new TreeSet<>(s.subjectPseudonyms())),
                List.copyOf(new TreeSet<>(s.agents())), List.copyOf(new TreeSet<>(s.sources())), s.from(), s.until(), h.active(),
                h.releasedAt(), h.releasedBy(), h.releaseReason());
    }
}
