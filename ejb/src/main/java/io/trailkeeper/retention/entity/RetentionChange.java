package io.trailkeeper.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to retention's configuration: who, when, old value, new value and why (GDPR Art. 5(2)
 * accountability; SOC 2 CC8.1, changes authorised and recorded). Never updated or deleted.
 */
@Entity
@Table(name = "retention_change")
public class RetentionChange {

    /** What was changed. */
    public enum Kind { RECORD_CLASS, RULE, POLICY, FRAMEWORK, HOLD }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = 20, updatable = false)
    private Kind kind;

    @Column(name = "subject_id", nullable = false, length = 64, updatable = false)
    private String subjectId;

    @Column(name = "change_version", nullable = false, updatable = false)
    private int version;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64, updatable = false)
    private String changedBy;

    @Column(name = "old_value", length = 2000, updatable = false)
    private String oldValue;

    @Column(name = "new_value", length = 2000, updatable = false)
    private String newValue;

    @Column(nullable = false, length = 1000, updatable = false)
    private String reason;

    protected RetentionChange() {
        // for JPA
    }

    public RetentionChange(Kind kind, String subjectId, int version, Instant at, String by, String oldValue, String newValue,
                           String reason) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        this.version = version;
        this.changedAt = Objects.requireNonNull(at, "at");
        this.changedBy = Objects.requireNonNull(by, "by");
        this.oldValue = cut(oldValue);
        this.newValue = cut(newValue);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String cut(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
    }

    public Kind kind() { return kind; }
    public String subjectId() { return subjectId; }
    public int version() { return version; }
    public Instant changedAt() { return changedAt; }
    public String changedBy() { return changedBy; }
    public String oldValue() { return oldValue; }
    public String newValue() { return newValue; }
    public String reason() { return reason; }
}
