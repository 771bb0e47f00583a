package io.trailkeeper.ingest.boundary;

import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores what a pull read. Runs inside the caller's transaction (a batch chunk), so the events, the
 * quarantine entries and the job's checkpoint commit together or not at all: a crashed import never
 * leaves half a chunk behind, and a re-read never stores an event twice.
 */
@Stateless
public class TrailIngestion {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    /** The source with this name, created on first use. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditSource sourceNamed(String name, SourceKind kind) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > AuditSource.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a source name has 1 to " + AuditSource.MAX_NAME_LENGTH + " characters");
        }
        return findSource(trimmed).orElseGet(() -> {
            AuditSource source = new AuditSource(trimmed, kind, null, clock.instant());
            em.persist(source);
            return source;
        });
    }

    public Optional<AuditSource> findSource(String name) {
        return em.createNamedQuery(AuditSource.BY_NAME, AuditSource.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public StoreOutcome store(UUID sourceId, Long importExecutionId, List<? extends IngestRecord> records) {
        AuditSource source = em.find(AuditSource.class, sourceId);
        if (source == null) {
            throw new IllegalArgumentException("no audit source with id " + sourceId);
        }
        Instant now = clock.instant();

        Map<String, IngestRecord.Event> events = new LinkedHashMap<>();
        Map<String, IngestRecord.Malformed> malformed = new LinkedHashMap<>();
        for (IngestRecord record : records) {
            if (record instanceof IngestRecord.Event e) {
                events.putIfAbsent(e.draft().sourceEventId(), e);
            } else if (record instanceof IngestRecord.Malformed m) {
                malformed.putIfAbsent(HexFormat.of().formatHex(sha256(m.raw())), m);
            }
        }

        Set<String> knownEvents = existing("SELECT e.sourceEventId FROM AuditEvent e WHERE e.source = :source AND e.sourceEventId IN :keys",
                source, events.keySet());
        long stored = 0;
        for (IngestRecord.Event event : events.values()) {
            if (!knownEvents.contains(event.draft().sourceEventId())) {
                em.persist(new AuditEvent(source, event.draft(), importExecutionId, now));
                stored++;
            }
        }

        Set<String> knownRaw = existing("SELECT q.rawSha256 FROM QuarantinedRecord q WHERE q.source = :source AND q.rawSha256 IN :keys",
                source, malformed.keySet());
        for (Map.Entry<String, IngestRecord.Malformed> entry : malformed.entrySet()) {
            if (!knownRaw.contains(entry.getKey())) {
                em.persist(new QuarantinedRecord(source, importExecutionId, entry.getValue(),
                        HexFormat.of().parseHex(entry.getKey()), now));
            }
        }
        long quarantined = records.stream().filter(r -> r instanceof IngestRecord.Malformed).count();
        long eventRecords = records.size() - quarantined;
        return new StoreOutcome(records.size(), stored, eventRecords - stored, quarantined);
    }

    private Set<String> existing(String jpql, AuditSource source, Set<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(jpql, String.class)
                .setParameter("source", source)
                .setParameter("keys", new ArrayList<>(keys))
                .getResultList());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
