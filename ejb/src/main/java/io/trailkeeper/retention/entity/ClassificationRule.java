package io.trailkeeper.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One rule that puts events into a record class. Rules are tried in {@code evaluationOrder}; the
 * first whose every given condition holds decides. Patterns are case-insensitive globs.
 */
@Entity
@Table(name = "classification_rule")
public class ClassificationRule {

    @Id
    private UUID id;

    @Column(name = "evaluation_order", nullable = false)
    private int evaluationOrder;

    @Column(name = "record_class", nullable = false, length = 40)
    private String recordClass;

    @Column(name = "source_name", length = 100)
    private String sourceName;

    @Column(name = "agent_pattern", length = 200)
    private String agentPattern;

    @Column(name = "action_pattern", length = 200)
    private String actionPattern;

    @Column(name = "data_category_pattern", length = 100)
    private String dataCategoryPattern;

    @Column(name = "result_pattern", length = 200)
    private String resultPattern;

    @Column(length = 500)
    private String note;

    @Column(name = "rule_version", nullable = false)
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    protected ClassificationRule() {
        // for JPA
    }

    public ClassificationRule(RuleDefinition definition, Instant at, String by) {
        this.id = UUID.randomUUID();
        this.version = 0;
        apply(definition, at, by);
    }

    public void apply(RuleDefinition d, Instant at, String by) {
        this.evaluationOrder = d.evaluationOrder();
        this.recordClass = d.recordClass();
        this.sourceName = d.sourceName();
        this.agentPattern = d.agentPattern();
        this.actionPattern = d.actionPattern();
        this.dataCategoryPattern = d.dataCategoryPattern();
        this.resultPattern = d.resultPattern();
        this.note = d.note();
        this.version++;
        this.updatedAt = Objects.requireNonNull(at, "at");
        this.updatedBy = Objects.requireNonNull(by, "by");
    }

    public RuleDefinition definition() {
        return new RuleDefinition(evaluationOrder, recordClass, sourceName, agentPattern, actionPattern, dataCategoryPattern,
                resultPattern, note, null);
    }

    public UUID id() { return id; }
    public int evaluationOrder() { return evaluationOrder; }
    public String recordClass() { return recordClass; }
    public int version() { return version; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
