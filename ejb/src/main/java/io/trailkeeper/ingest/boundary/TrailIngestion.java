package io.trailkeeper.ingest.boundary;

import io.trailkeeper.ingest.control.DraftMasking;
import io.trailkeeper.ingest.control.SensitiveDataMasking;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.SourceConflict;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.protection.entity.DataKey;
import io.trailkeeper.protection.entity.SubjectKey;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.StoredContent;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.MaskingCounts;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * leaves half a chunk behind, and a re-read never stores an event twice. Every source's events come
 * through here, which is why protection (pseudonyms, encryption) is applied here and nowhere else.
 */
@Stateless
public class TrailIngestion {

    private static final DraftMasking MASKING = new DraftMasking(new SensitiveDataMasking());

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SubjectVault vault;

    @EJB
    TrailLog log;

    /** The source with this name, created on first use. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditSource sourceNamed(String name, SourceKind kind) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > AuditSource.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a source name has 1 to " + AuditSource.MAX_NAME_LENGTH + " characters");
        }
        AuditSource source = findSource(trimmed).orElseGet(() -> {
            AuditSource created = new AuditSource(trimmed, kind, null, clock.instant());
            em.persist(created);
            return created;
        });
        if (source.kind() != kind) {
            throw new SourceConflict("the source '" + trimmed + "' holds " + source.kind() + " data, not " + kind
                    + "; use another source name for this format");
        }
        return source;
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
                malformed.putIfAbsent(quarantineKey(HexFormat.of().formatHex(vault.fingerprintOf(m.raw())), QuarantinedRecord.storedReason(m.reason())), m);
            }
        }

        Set<String> knownEvents = existing("SELECT e.sourceEventId FROM AuditEvent e WHERE e.source = :source AND e.sourceEventId IN :keys",
                source, events.keySet());
        List<AuditEventDraft> fresh = events.values().stream().map(IngestRecord.Event::draft)
                .filter(d -> !knownEvents.contains(d.sourceEventId())).toList();
        persistProtected(source, fresh, importExecutionId, now);
        long stored = fresh.size();

        Set<String> rawHashes = new HashSet<>();
        malformed.keySet().forEach(key -> rawHashes.add(key.substring(0, 64)));
        Set<String> known = new HashSet<>();
        if (!rawHashes.isEmpty()) {
            em.createQuery("SELECT q.rawFingerprint, q.reason FROM QuarantinedRecord q WHERE q.source = :source AND q.rawFingerprint IN :hashes",
                            Object[].class)
                    .setParameter("source", source)
                    .setParameter("hashes", new ArrayList<>(rawHashes))
                    .getResultList()
                    .forEach(row -> known.add(quarantineKey((String) row[0], (String) row[1])));
        }
        DataKey unattributed = null;
        for (Map.Entry<String, IngestRecord.Malformed> entry : malformed.entrySet()) {
            if (!known.contains(entry.getKey())) {
                if (unattributed == null) {
                    unattributed = vault.activeKeys(Set.of(SubjectKey.UNATTRIBUTED)).get(SubjectKey.UNATTRIBUTED);
                }
                QuarantinedRecord record = new QuarantinedRecord(source, importExecutionId, entry.getValue(),
                        HexFormat.of().parseHex(entry.getKey().substring(0, 64)), now);
                record.sealRaw(SubjectVault.sealBytes(unattributed, Quarantine.sealingContext(record.id()), record.rawBytes()),
                        unattributed.id());
                em.persist(record);
            }
        }
        long quarantined = records.stream().filter(r -> r instanceof IngestRecord.Malformed).count();
        long eventRecords = records.size() - quarantined;
        return new StoreOutcome(records.size(), stored, eventRecords - stored, quarantined);
    }

    /**
     * Stores events with secrets and personal data masked in their free text, their subject
     * pseudonymised and their content sealed under the subject's data key (content without a subject
     * under the unattributed key), so no credential, identifier or content reaches the database in clear.
     */
    private void persistProtected(AuditSource source, List<AuditEventDraft> unmasked, Long importExecutionId, Instant now) {
        Map<AuditEventDraft, MaskingCounts> maskedCounts = new HashMap<>();
        List<AuditEventDraft> drafts = new ArrayList<>(unmasked.size());
        for (AuditEventDraft draft : unmasked) {
            DraftMasking.MaskedDraft masked = MASKING.mask(draft);
            drafts.add(masked.draft());
            maskedCounts.put(masked.draft(), masked.counts());
        }
        Map<AuditEventDraft, String> pseudonyms = new HashMap<>();
        Set<String> owners = new HashSet<>();
        for (AuditEventDraft draft : drafts) {
            String pseudonym = draft.subjectRef() == null || draft.subjectRef().isBlank() ? null : vault.pseudonymOf(draft.subjectRef());
            pseudonyms.put(draft, pseudonym);
            if (draft.contentJson() != null) {
                owners.add(pseudonym == null ? SubjectKey.UNATTRIBUTED : pseudonym);
            }
        }
        Map<String, DataKey> keys = vault.activeKeys(owners);
        List<AuditEvent> stored = new ArrayList<>(drafts.size());
        for (AuditEventDraft draft : drafts) {
            UUID id = UUID.randomUUID();
            String pseudonym = pseudonyms.get(draft);
            StoredContent content = draft.contentJson() == null ? null
                    : SubjectVault.seal(keys.get(pseudonym == null ? SubjectKey.UNATTRIBUTED : pseudonym), id, draft.contentJson());
            AuditEvent event = new AuditEvent(id, source, draft, pseudonym, content, maskedCounts.get(draft), importExecutionId, now);
            em.persist(event);
            stored.add(event);
        }
        log.append(stored);
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

    /**
     * A quarantine entry is identified by its bytes and its reason (one OTLP line may fail for several
     * spans); the bytes by their keyed fingerprint, never an unkeyed hash that could confirm a guessed line.
     */
    private static String quarantineKey(String fingerprintHex, String reason) {
        return fingerprintHex + "\n" + reason;
    }

}
