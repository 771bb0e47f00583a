package io.trailkeeper.ingest.entity;

import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A source record that did not become an audit event, kept with the reason and its raw bytes so that
 * nothing a source delivered is silently lost and an officer can inspect and re-process it.
 */
@Entity
@Table(name = "quarantined_record")
public class QuarantinedRecord {

    /** Raw bytes kept per record; longer records keep their head and their true size. */
    public static final int MAX_RAW_BYTES = 64 * 1024;
    public static final int MAX_REASON_LENGTH = 1000;

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id", nullable = false, updatable = false)
    private AuditSource source;

    @Column(name = "import_execution_id", updatable = false)
    private Long importExecutionId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private long lineNumber;

    @Column(name = "byte_offset", nullable = false, updatable = false)
    private long byteOffset;

    @Column(nullable = false, length = MAX_REASON_LENGTH, updatable = false)
    private String reason;

    @Column(name = "raw_bytes", nullable = false, updatable = false)
    private byte[] rawBytes;

    @Column(name = "raw_size", nullable = false, updatable = false)
    private int rawSize;

    /** The data key that sealed {@link #rawBytes}; null for rows stored before sealing. */
    @Column(name = "raw_key_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID rawKeyId;

    @Column(name = "kept_size")
    private Integer keptSize;

    /**
     * Identity of the record for idempotent re-reads: HMAC-SHA256 of the bytes under a key derived from
     * the master key (see RecordFingerprints). Null only for rows from before V10 whose whole line was
     * not kept, so it could not be recomputed.
     */
    @Column(name = "raw_hmac", length = 64)
    private String rawFingerprint;

    /** Rows from before V10 had an unkeyed SHA-256 here; start-up replaces it (QuarantineFingerprintUpgrade) and clears it. */
    @Column(name = "raw_sha256", length = 64)
    private String legacyRawSha256;

    @Column(name = "quarantined_at", nullable = false, updatable = false)
    private Instant quarantinedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by", length = 64)
    private String resolvedBy;

    @Column(name = "resolution", length = 400)
    private String resolution;

    protected QuarantinedRecord() {
        // for JPA
    }

    public QuarantinedRecord(AuditSource source, Long importExecutionId, IngestRecord.Malformed record,
                             byte[] rawFingerprint, Instant quarantinedAt) {
        this.id = UUID.randomUUID();
        this.source = Objects.requireNonNull(source, "source");
        this.importExecutionId = importExecutionId;
        this.lineNumber = record.position().lineNumber();
        this.byteOffset = record.position().byteOffset();
        this.reason = storedReason(record.reason());
        byte[] raw = record.raw();
        this.rawBytes = raw.length > MAX_RAW_BYTES ? java.util.Arrays.copyOf(raw, MAX_RAW_BYTES) : raw.clone();
        this.rawSize = Math.max(record.originalSize(), raw.length);
        this.rawFingerprint = HexFormat.of().formatHex(rawFingerprint);
        this.quarantinedAt = Objects.requireNonNull(quarantinedAt, "quarantinedAt");
    }

    /** The reason as it is stored: cut to the column's length, never inside a character. */
    public static String storedReason(String why) {
        return why.length() > MAX_REASON_LENGTH ? why.substring(0, codePointBoundary(why, MAX_REASON_LENGTH - 1)) + "…" : why;
    }

    /** The largest cut at or below {@code limit} that does not split a surrogate pair. */
    private static int codePointBoundary(String text, int limit) {
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** Marks the record as dealt with; it stays as evidence of what arrived. */
    public void resolve(Instant at, String by, String how) {
        if (resolvedAt != null) {
            throw new IllegalStateException("already resolved");
        }
        this.resolvedAt = at;
        this.resolvedBy = by;
        this.resolution = how.length() > 400 ? how.substring(0, 399) + "…" : how;
    }

    public boolean resolved() { return resolvedAt != null; }
    public Instant resolvedAt() { return resolvedAt; }
    public String resolvedBy() { return resolvedBy; }
    public String resolution() { return resolution; }

    public UUID id() { return id; }
    public AuditSource source() { return source; }
    public Long importExecutionId() { return importExecutionId; }
    public long lineNumber() { return lineNumber; }
    public long byteOffset() { return byteOffset; }
    public String reason() { return reason; }
    /**
     * Replaces the kept bytes with their sealed form (done once, before the record is stored), so
     * what a source sent is never at rest in clear.
     */
    public void sealRaw(byte[] sealed, UUID keyId) {
        if (rawKeyId != null) {
            throw new IllegalStateException("already sealed");
        }
        this.keptSize = rawBytes.length;
        this.rawBytes = sealed.clone();
        this.rawKeyId = keyId;
    }

    /** The bytes as stored: sealed when {@link #rawKeyId()} is present, else the kept head in clear. */
    public byte[] rawBytes() { return rawBytes.clone(); }
    public Optional<UUID> rawKeyId() { return Optional.ofNullable(rawKeyId); }
    /** How many bytes of the record were kept. */
    public int keptSize() { return keptSize != null ? keptSize : rawBytes.length; }
    public int rawSize() { return rawSize; }
    public boolean rawTruncated() { return keptSize() < rawSize; }
    /** The keyed fingerprint of the bytes as lowercase hex; null for an old row that could not be upgraded. */
    public String rawFingerprint() { return rawFingerprint; }
    public boolean hasLegacyHash() { return legacyRawSha256 != null; }

    /**
     * Replaces the unkeyed hash of a row from before V10 by the keyed fingerprint of its bytes, or by
     * nothing when only the head of the line was kept (the fingerprint of the whole line is unknowable;
     * re-reading that very line once more then sets it aside again, which loses nothing).
     */
    public void replaceLegacyHash(byte[] fingerprint) {
        this.rawFingerprint = fingerprint == null ? null : HexFormat.of().formatHex(fingerprint);
        this.legacyRawSha256 = null;
    }
    public Instant quarantinedAt() { return quarantinedAt; }
}
