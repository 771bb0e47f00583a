package io.trailkeeper.retention.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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
 * A legal hold: while it is not released, no deletion may touch what it covers (litigation hold, the
 * duty to preserve evidence; GDPR Art. 17(3)(e) exempts data needed for legal claims from erasure).
 * Its scope: subjects (by pseudonym), agents, sources and a time range of occurrence; each dimension
 * left empty covers everything. Released, never deleted.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200, updatable = false)
    private String matter;

    @Column(nullable = false, length = 1000, updatable = false)
    private String reason;

    @Column(name = "placed_by", nullable = false, length = 64, updatable = false)
    private String placedBy;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "covers_from", updatable = false)
    private Instant coversFrom;

    @Column(name = "covers_until", updatable = false)
    private Instant coversUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "legal_hold_subject", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "subject_pseudonym", length = 64)
    private Set<String> subjectPseudonyms = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "legal_hold_agent", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "agent_id", length = 200)
    private Set<String> agents = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "legal_hold_source", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "source_name", length = 100)
    private Set<String> sources = new TreeSet<>();

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "released_by", length = 64)
    private String releasedBy;

    @Column(name = "release_reason", length = 1000)
    private String releaseReason;

    protected LegalHold() {
        // for JPA
    }

    public LegalHold(String matter, String reason, HoldScope scope, Instant at, String by) {
        this.id = UUID.randomUUID();
        this.matter = Objects.requireNonNull(matter, "matter");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.placedAt = Objects.requireNonNull(at, "at");
        this.placedBy = Objects.requireNonNull(by, "by");
        this.subjectPseudonyms.addAll(scope.subjectPseudonyms());
        this.agents.addAll(scope.agents());
        this.sources.addAll(scope.sources());
        this.coversFrom = scope.from();
        this.coversUntil = scope.until();
    }

    public void release(String why, Instant at, String by) {
        this.releasedAt = Objects.requireNonNull(at, "at");
        this.releasedBy = Objects.requireNonNull(by, "by");
        this.releaseReason = Objects.requireNonNull(why, "why");
    }

    public HoldScope scope() {
        return new HoldScope(Set.copyOf(subjectPseudonyms), Set.copyOf(agents), Set.copyOf(sources), coversFrom, coversUntil);
    }

    public UUID id() { return id; }
    public String matter() { return matter; }
    public String reason() { return reason; }
    public String placedBy() { return placedBy; }
    public Instant placedAt() { return placedAt; }
    public Instant releasedAt() { return releasedAt; }
    public String releasedBy() { return releasedBy; }
    public String releaseReason() { return releaseReason; }
    public boolean active() { return releasedAt == null; }
}
