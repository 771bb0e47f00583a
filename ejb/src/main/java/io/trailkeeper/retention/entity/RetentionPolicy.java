package io.trailkeeper.retention.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How long events of one record class are kept, optionally only those of some sources or agents, and
 * what expiry does to them. Changed in place with a new version (each change recorded as a
 * {@link RetentionChange}); retired, never deleted.
 */
@Entity
@Table(name = "retention_policy")
public class RetentionPolicy {

    @Id
    private UUID id;

    @Column(name = "record_class", nullable = false, length = 40)
    private String recordClass;

    @Column(name = "period_days", nullable = false)
    private int periodDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_action", nullable = false, length = 40)
    private ExpiryAction expiryAction;

    @Column(length = 40)
    private String preset;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "retention_policy_source", joinColumns = @JoinColumn(name = "policy_id"))
    @Column(name = "source_name", length = 100)
    private Set<String> sources = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "retention_policy_agent", joinColumns = @JoinColumn(name = "policy_id"))
    @Column(name = "agent_id", length = 200)
    private Set<String> agents = new TreeSet<>();

    @Column(name = "policy_version", nullable = false)
    private int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "retired_by", length = 64)
    private String retiredBy;

    protected RetentionPolicy() {
        // for JPA
    }

    public RetentionPolicy(PolicyTerms terms, Instant at, String by) {
        this.id = UUID.randomUUID();
        this.createdAt = Objects.requireNonNull(at, "at");
        this.createdBy = Objects.requireNonNull(by, "by");
        apply(terms, at, by);
    }

    public void apply(PolicyTerms terms, Instant at, String by) {
        this.recordClass = terms.recordClass();
        this.periodDays = terms.periodDays();
        this.expiryAction = terms.expiryAction();
        this.preset = terms.preset();
        this.sources.clear();
        this.sources.addAll(terms.sources());
        this.agents.clear();
        this.agents.addAll(terms.agents());
        this.version++;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public void retire(Instant at, String by) {
        this.version++;
        this.retiredAt = at;
        this.retiredBy = by;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public PolicyTerms terms() {
        return new PolicyTerms(recordClass, periodDays, expiryAction, preset, Set.copyOf(sources), Set.copyOf(agents));
    }

    public UUID id() { return id; }
    public int version() { return version; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public Instant retiredAt() { return retiredAt; }
    public boolean retired() { return retiredAt != null; }
}
