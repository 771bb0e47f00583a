package io.trailkeeper.ingest.boundary;

import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.format.control.LineFormat;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.ReprocessOutcome;
import io.trailkeeper.ingest.entity.SourceConflict;
import io.trailkeeper.ingest.entity.SourcePosition;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.InvalidQuery;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The records imports set aside: listing them, and re-processing one, as kept or corrected by an
 * officer. A re-processed record is never deleted: it stays, marked resolved, as evidence of what
 * the source delivered.
 */
@Stateless
public class Quarantine {

    public static final int MAX_LISTED = 1_000;
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @EJB
    TrailIngestion ingestion;

    @EJB
    SubjectVault vault;

    @Inject
    Clock clock;

    /** What one import execution set aside, in file order. */
    public List<QuarantinedRecord> setAsideBy(long importExecutionId) {
        return em.createQuery("SELECT q FROM QuarantinedRecord q JOIN FETCH q.source WHERE q.importExecutionId = :execution"
                        + " ORDER BY q.lineNumber", QuarantinedRecord.class)
                .setParameter("execution", importExecutionId)
                .setMaxResults(MAX_LISTED)
                .getResultList();
    }

    /** Quarantined records, newest first; optionally of one source and only those not yet resolved. */
    public List<QuarantinedRecord> list(String sourceName, boolean openOnly, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        String jpql = "SELECT q FROM QuarantinedRecord q JOIN FETCH q.source s WHERE 1 = 1"
                + (sourceName == null || sourceName.isBlank() ? "" : " AND s.name = :source")
                + (openOnly ? " AND q.resolvedAt IS NULL" : "")
                + " ORDER BY q.quarantinedAt DESC, q.lineNumber";
        var query = em.createQuery(jpql, QuarantinedRecord.class);
        if (sourceName != null && !sourceName.isBlank()) {
            query.setParameter("source", sourceName.trim());
        }
        return query.setFirstResult(InvalidQuery.firstResult(page, size)).setMaxResults(size).getResultList();
    }

    /**
     * Replaces the unkeyed SHA-256 of up to {@code limit} rows from before V10 by their keyed
     * fingerprint (computed from the bytes as kept, when the whole line was kept); returns how many rows
     * it changed. Each call is its own transaction, so a large quarantine is upgraded in bounded steps.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int replaceLegacyHashes(int limit) {
        List<QuarantinedRecord> legacy = em.createQuery("SELECT q FROM QuarantinedRecord q WHERE q.legacyRawSha256 IS NOT NULL",
                        QuarantinedRecord.class)
                .setMaxResults(limit)
                .getResultList();
        for (QuarantinedRecord record : legacy) {
            record.replaceLegacyHash(record.rawTruncated() ? null : vault.fingerprintOf(keptBytes(record)));
        }
        return legacy.size();
    }

    /** What the source sent, as kept (the head of it when it was over the limit). */
    public byte[] keptBytes(QuarantinedRecord record) {
        return record.rawKeyId()
                .map(keyId -> vault.openBytes(keyId, sealingContext(record.id()), record.rawBytes()))
                .orElseGet(record::rawBytes);
    }

    static String sealingContext(UUID recordId) {
        return "trailkeeper/quarantined-record/" + recordId;
    }

    public Optional<QuarantinedRecord> find(UUID id) {
        return em.createQuery("SELECT q FROM QuarantinedRecord q JOIN FETCH q.source WHERE q.id = :id", QuarantinedRecord.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * Reads the record again in its source's format (the bytes as kept, or {@code corrected} when an
     * officer supplies a fixed version) and stores what now reads as events. When anything still
     * fails, nothing is stored and the reasons come back.
     */
    public Optional<ReprocessOutcome> reprocess(UUID id, byte[] corrected, String officer) {
        QuarantinedRecord record = em.find(QuarantinedRecord.class, id);
        if (record == null) {
            return Optional.empty();
        }
        if (record.resolved()) {
            throw new SourceConflict("this record was already resolved at " + record.resolvedAt() + " by " + record.resolvedBy());
        }
        if (corrected == null && record.rawTruncated()) {
            throw new SourceConflict("only the first " + record.keptSize() + " of " + record.rawSize()
                    + " bytes were kept; send the corrected record to re-process it");
        }
        byte[] line = corrected != null ? corrected : keptBytes(record);
        AuditSource source = record.source();
        SourcePosition position = new SourcePosition(record.lineNumber(), record.byteOffset());
        List<IngestRecord> events = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ParsedRecord parsed : parse(source, ingestion.lineIdsOf(source), line)) {
            if (parsed instanceof ParsedRecord.Accepted accepted) {
                events.add(new IngestRecord.Event(position, accepted.draft()));
            } else {
                reasons.add(((ParsedRecord.Rejected) parsed).reason());
            }
        }
        if (!reasons.isEmpty() || events.isEmpty()) {
            return Optional.of(ReprocessOutcome.rejected(reasons.isEmpty() ? List.of("the record holds no events") : reasons));
        }
        StoreOutcome stored = ingestion.store(source.id(), record.importExecutionId(), events);
        record.resolve(clock.instant(), officer, (corrected != null ? "re-processed from a corrected record: " : "re-processed: ")
                + stored.stored() + " stored, " + stored.duplicates() + " already in the trail");
        return Optional.of(new ReprocessOutcome(true, stored.stored(), stored.duplicates(), List.of()));
    }

    private static List<ParsedRecord> parse(AuditSource source, LineDigest lineIds, byte[] line) {
        try {
            return LineFormat.forKind(source.kind(), lineIds).apply(line).stream().map(SpanRecord::parsed).toList();
        } catch (IllegalArgumentException e) {
            throw new SourceConflict(source.kind() + " records are not re-processed from lines");
        }
    }
}
