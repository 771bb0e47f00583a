package io.trailkeeper.trail.entity;

import io.trailkeeper.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One thing an AI agent did, as recorded in the trail. Immutable once stored: the class has no
 * setters, and the tamper-evident log (a later component) relies on rows never being updated.
 *
 * <p>The table's primary key is (id, occurred_at) so that PostgreSQL can partition it by time; JPA
 * only needs {@code id}, which is unique on its own.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "ingested_at", nullable = false, updatable = false)
    private Instant ingestedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id", nullable = false, updatable = false)
    private AuditSource source;

    @Column(name = "source_event_id", nullable = false, length = 200, updatable = false)
    private String sourceEventId;

    @Column(name = "import_execution_id", updatable = false)
    private Long importExecutionId;

    @Column(name = "agent_id", nullable = false, length = 200, updatable = false)
    private String agentId;
    @Column(name = "agent_name", length = 200, updatable = false)
    private String agentName;
    @Column(name = "agent_version", length = 200, updatable = false)
    private String agentVersion;
    @Column(length = 200, updatable = false)
    private String deployment;
    @Column(length = 200, updatable = false)
    private String region;
    /** Keyed-hash pseudonym of the data subject; the identifier itself is never stored. */
    @Column(name = "subject_pseudonym", length = 64, updatable = false)
    private String subjectPseudonym;
    @Column(name = "session_id", length = 200, updatable = false)
    private String sessionId;
    @Column(nullable = false, length = 200, updatable = false)
    private String action;
    @Column(length = 2000, updatable = false)
    private String target;
    @Column(length = 200, updatable = false)
    private String result;
    @Column(length = 2000, updatable = false)
    private String reason;
    @Column(name = "human_confirmed", updatable = false)
    private Boolean humanConfirmed;
    @Column(length = 200, updatable = false)
    private String model;
    @Column(name = "input_tokens", updatable = false)
    private Long inputTokens;
    @Column(name = "output_tokens", updatable = false)
    private Long outputTokens;
    @Column(name = "latency_ms", updatable = false)
    private Long latencyMs;
    @Column(length = 2000, updatable = false)
    private String error;
    @Column(name = "data_category", length = 100, updatable = false)
    private String dataCategory;

    @Column(name = "content", updatable = false)
    private byte[] content;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_encoding", length = 40, updatable = false)
    private ContentEncoding contentEncoding;

    @Column(name = "content_key_id", updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID contentKeyId;

    @Column(name = "masked_secrets", nullable = false, updatable = false)
    private int maskedSecrets;
    @Column(name = "masked_payment_cards", nullable = false, updatable = false)
    private int maskedPaymentCards;
    @Column(name = "masked_us_ssns", nullable = false, updatable = false)
    private int maskedUsSsns;
    @Column(name = "masked_emails", nullable = false, updatable = false)
    private int maskedEmails;
    @Column(name = "masked_phones", nullable = false, updatable = false)
    private int maskedPhones;

    protected AuditEvent() {
        // for JPA
    }

    /**
     * @param subjectPseudonym the pseudonym of {@code draft.subjectRef()}, or null when it has none
     * @param content          the content as it is to be stored (sealed), or null when the draft has none
     * @param masked           what was masked in the draft before it got here
     */
    public AuditEvent(UUID id, AuditSource source, AuditEventDraft draft, String subjectPseudonym, StoredContent content,
                      MaskingCounts masked, Long importExecutionId, Instant ingestedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.source = Objects.requireNonNull(source, "source");
        this.ingestedAt = Objects.requireNonNull(ingestedAt, "ingestedAt");
        this.importExecutionId = importExecutionId;
        this.sourceEventId = Objects.requireNonNull(draft.sourceEventId(), "sourceEventId");
        this.occurredAt = Objects.requireNonNull(draft.occurredAt(), "occurredAt");
        this.agentId = Objects.requireNonNull(draft.agentId(), "agentId");
        this.action = Objects.requireNonNull(draft.action(), "action");
        this.agentName = draft.agentName();
        this.agentVersion = draft.agentVersion();
        this.deployment = draft.deployment();
        this.region = draft.region();
        this.subjectPseudonym = subjectPseudonym;
        this.sessionId = draft.sessionId();
        this.target = draft.target();
        this.result = draft.result();
        this.reason = draft.reason();
        this.humanConfirmed = draft.humanConfirmed();
        this.model = draft.model();
        this.inputTokens = draft.inputTokens();
        this.outputTokens = draft.outputTokens();
        this.latencyMs = draft.latencyMs();
        this.error = draft.error();
        this.dataCategory = draft.dataCategory();
        this.maskedSecrets = masked.secrets();
        this.maskedPaymentCards = masked.paymentCards();
        this.maskedUsSsns = masked.usSsns();
        this.maskedEmails = masked.emails();
        this.maskedPhones = masked.phones();
        if (content != null) {
            this.content = content.bytes().clone();
            this.contentEncoding = content.encoding();
            this.contentKeyId = content.keyId();
        }
    }

    public UUID id() { return id; }
    public Instant occurredAt() { return occurredAt; }
    public Instant ingestedAt() { return ingestedAt; }
    public AuditSource source() { return source; }
    public String sourceEventId() { return sourceEventId; }
    public Long importExecutionId() { return importExecutionId; }
    public String agentId() { return agentId; }
    public String agentName() { return agentName; }
    public String agentVersion() { return agentVersion; }
    public String deployment() { return deployment; }
    public String region() { return region; }
    public String subjectPseudonym() { return subjectPseudonym; }
    public String sessionId() { return sessionId; }
    public String action() { return action; }
    public String target() { return target; }
    public String result() { return result; }
    public String reason() { return reason; }
    public Boolean humanConfirmed() { return humanConfirmed; }
    public String model() { return model; }
    public Long inputTokens() { return inputTokens; }
    public Long outputTokens() { return outputTokens; }
    public Long latencyMs() { return latencyMs; }
    public String error() { return error; }
    public String dataCategory() { return dataCategory; }
    public ContentEncoding contentEncoding() { return contentEncoding; }

    /** What was masked in this event before it was stored. */
    public MaskingCounts masked() {
        return new MaskingCounts(maskedSecrets, maskedPaymentCards, maskedUsSsns, maskedEmails, maskedPhones);
    }

    /** The content as stored; reading it in clear is the protection component's job. */
    public Optional<StoredContent> storedContent() {
        return content == null ? Optional.empty() : Optional.of(new StoredContent(content.clone(), contentEncoding, contentKeyId));
    }
}
