package io.trailkeeper.trail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Where audit events come from. Its name is what officers see; an event's id is unique within its source. */
@Entity
@Table(name = "audit_source")
@NamedQuery(name = AuditSource.BY_NAME, query = "SELECT s FROM AuditSource s WHERE s.name = :name")
public class AuditSource {

    public static final String BY_NAME = "AuditSource.byName";
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    private UUID id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private SourceKind kind;

    @Column(length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Whether ids derived from lines that name none are keyed (V16); false only for sources that held
     * unkeyed ones before, so that re-imports of their files stay exactly once.
     */
    @Column(name = "line_ids_keyed", nullable = false)
    private boolean lineIdsKeyed;

    protected AuditSource() {
        // for JPA
    }

    public AuditSource(String name, SourceKind kind, String description, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = description;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lineIdsKeyed = true;
    }

    /** Officers keep the description current; name and kind are fixed because events and links use them. */
    public void describe(String description) {
        this.description = description;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public SourceKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean lineIdsKeyed() {
        return lineIdsKeyed;
    }
}
