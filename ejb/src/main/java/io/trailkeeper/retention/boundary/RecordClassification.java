package io.trailkeeper.retention.boundary;

import io.trailkeeper.retention.control.ClassCounts;
import io.trailkeeper.retention.control.ClassificationSql;
import io.trailkeeper.retention.control.LegalFloors;
import io.trailkeeper.retention.control.RetentionChecks;
import io.trailkeeper.retention.entity.ClassificationRule;
import io.trailkeeper.retention.entity.FrameworkSetting;
import io.trailkeeper.retention.entity.LegalFramework;
import io.trailkeeper.retention.entity.RecordClass;
import io.trailkeeper.retention.entity.RecordClassDefinition;
import io.trailkeeper.retention.entity.RecordClassView;
import io.trailkeeper.retention.entity.RetentionChange;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.retention.entity.RuleDefinition;
import io.trailkeeper.retention.entity.RuleView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Record classes and the rules that put events into them; officers read and edit both, every change recorded. */
@Stateless
public class RecordClassification {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    /** The rules in force as one SQL expression (see {@link ClassificationSql} for why it is not stored). */
    public ClassificationSql classificationSql() {
        List<RuleDefinition> rules = orderedRules().stream().map(ClassificationRule::definition).toList();
        return ClassificationSql.of(rules, defaultClass().code());
    }

    public List<RecordClassView> classes() {
        Map<String, Long> counts;
        try {
            counts = ClassCounts.count(em.unwrap(Connection.class), classificationSql());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events per record class", e);
        }
        List<FrameworkSetting> frameworks = frameworks();
        Map<String, Long> policies = new HashMap<>();
        em.createQuery("SELECT p.recordClass, COUNT(p) FROM RetentionPolicy p WHERE p.retiredAt IS NULL GROUP BY p.recordClass",
                Object[].class).getResultList().forEach(r -> policies.put((String) r[0], (Long) r[1]));
        return allClasses().stream().map(c -> new RecordClassView(c.code(), c.name(), c.description(), c.builtIn(), c.defaultClass(),
                c.hipaaDocumentation(), c.soc2Evidence(), counts.getOrDefault(c.code(), 0L),
                LegalFloors.of(c.hipaaDocumentation(), c.soc2Evidence(), frameworks),
                policies.getOrDefault(c.code(), 0L).intValue())).toList();
    }

    public RecordClassView addClass(RecordClassDefinition asked, String by) {
        String reason = RetentionChecks.reason(asked == null ? null : asked.reason());
        List<String> problems = new ArrayList<>();
        if (asked.code() == null || !ClassificationSql.CODE.matcher(asked.code()).matches()) {
            problems.add("code must be 2 to 40 upper-case letters, digits or '_', starting with a letter");
        }
        String name = RetentionChecks.text("name", asked.name(), 100, problems);
        if (name == null) {
            problems.add("name is required");
        }
        String description = RetentionChecks.text("description", asked.description(), 1000, problems);
        if (!problems.isEmpty()) {
            throw RetentionChecks.invalid(problems);
        }
        if (em.find(RecordClass.class, asked.code()) != null) {
            throw new RetentionRejected(RetentionRejected.Reason.CONFLICT, "a record class '" + asked.code() + "' already exists");
        }
        int order = allClasses().stream().mapToInt(RecordClass::displayOrder).max().orElse(0) + 10;
        RecordClass added = new RecordClass(asked.code(), name, description, Boolean.TRUE.equals(asked.hipaaDocumentation()),
                Boolean.TRUE.equals(asked.soc2Evidence()), order);
        em.persist(added);
        record(RetentionChange.Kind.RECORD_CLASS, added.code(), 1, null, added.described(), reason, by);
        return view(added);
    }

    /** Changes name, description and which floors apply; the code stays (rules and policies name it). */
    public RecordClassView editClass(String code, RecordClassDefinition asked, String by) {
        RecordClass existing = requireClass(code);
        String reason = RetentionChecks.reason(asked == null ? null : asked.reason());
        List<String> problems = new ArrayList<>();
        String name = RetentionChecks.text("name", asked.name(), 100, problems);
        String description = RetentionChecks.text("description", asked.description(), 1000, problems);
        if (!problems.isEmpty()) {
            throw RetentionChecks.invalid(problems);
        }
        String before = existing.described();
        existing.describe(name == null ? existing.name() : name, description == null ? existing.description() : description,
                asked.hipaaDocumentation() == null ? existing.hipaaDocumentation() : asked.hipaaDocumentation(),
                asked.soc2Evidence() == null ? existing.soc2Evidence() : asked.soc2Evidence());
        long versions = changesOf(RetentionChange.Kind.RECORD_CLASS, code);
        record(RetentionChange.Kind.RECORD_CLASS, code, (int) versions + 1, before, existing.described(), reason, by);
        return view(existing);
    }

    public List<RuleView> rules() {
        return orderedRules().stream().map(RecordClassification::view).toList();
    }

    public RuleView addRule(RuleDefinition asked, String by) {
        int next = orderedRules().stream().mapToInt(ClassificationRule::evaluationOrder).max().orElse(0) + 10;
        RuleDefinition valid = RetentionChecks.rule(asked, classCodes(), next);
        String reason = RetentionChecks.reason(valid.reason());
        ClassificationRule rule = new ClassificationRule(valid, clock.instant(), by);
        em.persist(rule);
        record(RetentionChange.Kind.RULE, rule.id().toString(), rule.version(), null, valid.described(), reason, by);
        return view(rule);
    }

    public RuleView changeRule(UUID id, RuleDefinition asked, String by) {
        ClassificationRule rule = requireRule(id);
        RuleDefinition valid = RetentionChecks.rule(asked, classCodes(), rule.evaluationOrder());
        String reason = RetentionChecks.reason(valid.reason());
        String before = rule.definition().described();
        rule.apply(valid, clock.instant(), by);
        record(RetentionChange.Kind.RULE, id.toString(), rule.version(), before, valid.described(), reason, by);
        return view(rule);
    }

    /** Removes a rule; its events fall to the next rule that matches them, or the default class. */
    public void removeRule(UUID id, String why, String by) {
        ClassificationRule rule = requireRule(id);
        String reason = RetentionChecks.reason(why);
        record(RetentionChange.Kind.RULE, id.toString(), rule.version() + 1, rule.definition().described(), null, reason, by);
        em.remove(rule);
    }

    public List<String> classCodes() {
        return allClasses().stream().map(RecordClass::code).toList();
    }

    public RecordClass requireClass(String code) {
        RecordClass found = code == null ? null : em.find(RecordClass.class, code);
        if (found == null) {
            throw new RetentionRejected(RetentionRejected.Reason.UNKNOWN, "no record class " + code);
        }
        return found;
    }

    public List<FrameworkSetting> frameworks() {
        return em.createQuery("SELECT f FROM LegalFramework f ORDER BY f.code", LegalFramework.class)
                .getResultList().stream().map(LegalFramework::setting).toList();
    }

    private List<RecordClass> allClasses() {
        return em.createQuery("SELECT c FROM RecordClass c ORDER BY c.displayOrder, c.code", RecordClass.class).getResultList();
    }

    private RecordClass defaultClass() {
        return em.createQuery("SELECT c FROM RecordClass c WHERE c.defaultClass = TRUE", RecordClass.class).getSingleResult();
    }

    private List<ClassificationRule> orderedRules() {
        return em.createQuery("SELECT r FROM ClassificationRule r ORDER BY r.evaluationOrder, r.id", ClassificationRule.class)
                .getResultList();
    }

    private ClassificationRule requireRule(UUID id) {
        ClassificationRule rule = em.find(ClassificationRule.class, id);
        if (rule == null) {
            throw new RetentionRejected(RetentionRejected.Reason.UNKNOWN, "no classification rule with id " + id);
        }
        return rule;
    }

    private long changesOf(RetentionChange.Kind kind, String id) {
        return em.createQuery("SELECT COUNT(c) FROM RetentionChange c WHERE c.kind = :kind AND c.subjectId = :id", Long.class)
                .setParameter("kind", kind).setParameter("id", id).getSingleResult();
    }

    private void record(RetentionChange.Kind kind, String id, int version, String before, String after, String reason, String by) {
        em.persist(new RetentionChange(kind, id, version, clock.instant(), by, before, after, reason));
    }

    private RecordClassView view(RecordClass c) {
        return new RecordClassView(c.code(), c.name(), c.description(), c.builtIn(), c.defaultClass(), c.hipaaDocumentation(),
                c.soc2Evidence(), 0, LegalFloors.of(c.hipaaDocumentation(), c.soc2Evidence(), frameworks()), 0);
    }

    private static RuleView view(ClassificationRule r) {
        RuleDefinition d = r.definition();
        return new RuleView(r.id(), r.version(), r.evaluationOrder(), r.recordClass(), d.sourceName(), d.agentPattern(),
                d.actionPattern(), d.dataCategoryPattern(), d.resultPattern(), d.note(), r.updatedAt(), r.updatedBy());
    }
}
