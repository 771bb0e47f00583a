package io.trailkeeper.ingest.boundary;

import io.trailkeeper.ingest.store.control.ChunkSlices;
import io.trailkeeper.ingest.masking.control.DraftMasking;
import io.trailkeeper.ingest.store.control.JsonStringArray;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.platform.control.BinaryCopy;
import io.trailkeeper.platform.control.BinaryCopyRows;
import io.trailkeeper.platform.control.ConfiguredDataSource;
import io.trailkeeper.platform.control.DatabaseVendor;
import io.trailkeeper.ingest.store.control.RecentWrites;
import io.trailkeeper.ingest.masking.control.SensitiveDataMasking;
import io.trailkeeper.ingest.entity.StoredIdsLookup;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.SourceConflict;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.platform.control.AfterCommit;
import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.protection.entity.DataKey;
import io.trailkeeper.protection.entity.SubjectKey;
import io.trailkeeper.trail.control.EventRows;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.StoredContent;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

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

    /** The pool that masks and seals parts of a chunk next to the batch thread. */
    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private DatabaseVendor vendor;

    private static final int SLICES = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** Events per slice of a chunk written by COPY: small enough that the database starts early, large enough to write in one go. */
    private static final int COPY_SLICE = 100;

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

    /**
     * How the ids of this source's lines that name none are derived: keyed, unless the source held
     * unkeyed ids before V16 (see {@link LineDigest}).
     *
     * @throws IllegalArgumentException when there is no such source
     */
    public LineDigest lineIdsOf(UUID sourceId) {
        AuditSource source = em.find(AuditSource.class, sourceId);
        if (source == null) {
            throw new IllegalArgumentException("there is no source " + sourceId);
        }
        return lineIdsOf(source);
    }

    /** As {@link #lineIdsOf(UUID)}, for a source the caller holds already. */
    public LineDigest lineIdsOf(AuditSource source) {
        return source.lineIdsKeyed() ? LineDigest.keyed(vault.lineIdKey()) : LineDigest.UNKEYED;
    }

    public Optional<AuditSource> findSource(String name) {
        return em.createNamedQuery(AuditSource.BY_NAME, AuditSource.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public StoreOutcome store(UUID sourceId, Long importExecutionId, List<? extends IngestRecord> records) {
        return store(sourceId, importExecutionId, records, null);
    }

    /**
     * Stores a chunk of a run that looks up stored event ids ahead ({@link #lookUpStoredIds}):
     * {@code recent} holds the run's own committed chunks, with which a look-up made before them is
     * still exact; this chunk is added to it once it commits.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public StoreOutcome store(UUID sourceId, Long importExecutionId, List<? extends IngestRecord> records, RecentWrites recent) {
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

        lockSource(source);
        Set<String> knownEvents = knownEventIds(source, events, recent);
        List<IngestRecord.Event> fresh = events.values().stream()
                .filter(e -> !knownEvents.contains(e.draft().sourceEventId())).toList();
        persistProtected(source, fresh, importExecutionId, now);
        long stored = fresh.size();

        Set<String> rawHashes = new HashSet<>();
        malformed.keySet().forEach(key -> rawHashes.add(key.substring(0, 64)));
        Set<String> known = quarantinedKeys(source, rawHashes);
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
    private void persistProtected(AuditSource source, List<IngestRecord.Event> events, Long importExecutionId, Instant now) {
        List<AuditEventDraft> drafts = events.stream().map(IngestRecord.Event::draft).toList();
        // Masking keeps the subject and whether there is content, so keys can be found before masking.
        Map<String, String> pseudonymOf = vault.pseudonymsOf(drafts.stream().map(AuditEventDraft::subjectRef)
                .filter(subject -> subject != null && !subject.isBlank()).toList());
        // Arrays aligned by position: a draft record's hashCode would hash all of its content.
        String[] pseudonyms = new String[drafts.size()];
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            AuditEventDraft draft = drafts.get(i);
            pseudonyms[i] = draft.subjectRef() == null || draft.subjectRef().isBlank() ? null : pseudonymOf.get(draft.subjectRef());
            if (draft.contentJson() != null) {
                owners.add(pseudonyms[i] == null ? SubjectKey.UNATTRIBUTED : pseudonyms[i]);
            }
        }
        Map<String, DataKey> keys = vault.activeKeys(owners);
        // Masking (unless the reader did it ahead), sealing and hashing are most of an import's CPU and
        // independent per event: spread over the cores.
        AuditEvent[] protectedEvents = new AuditEvent[drafts.size()];
        byte[][] leafHashes = new byte[drafts.size()][];
        IntConsumer protect = i -> {
            IngestRecord.Event event = events.get(i);
            DraftMasking.MaskedDraft masked = event.alreadyMasked()
                    ? new DraftMasking.MaskedDraft(event.draft(), event.maskedCounts())
                    : MASKING.mask(event.draft());
            AuditEventDraft draft = masked.draft();
            UUID id = UUID.randomUUID();
            String pseudonym = pseudonyms[i];
            StoredContent content = draft.contentJson() == null ? null
                    : SubjectVault.seal(keys.get(pseudonym == null ? SubjectKey.UNATTRIBUTED : pseudonym), id, draft.contentJson());
            protectedEvents[i] = new AuditEvent(id, source, draft, pseudonym, content, masked.counts(), importExecutionId, now);
            leafHashes[i] = TrailLog.leafHash(protectedEvents[i]);
        };
        // On the connection of this transaction, so the events commit with their leaves and the checkpoint.
        Connection connection = em.unwrap(Connection.class);
        try {
            if (vendor() == DatabaseVendor.POSTGRESQL) {
                // The database stores each slice while the next ones are masked and sealed.
                try (BinaryCopy copy = BinaryCopy.start(connection, EventRows.COPY)) {
                    ChunkSlices.runInOrder(executor, drafts.size(), COPY_SLICE, SLICES - 1, (from, to) -> {
                        BinaryCopyRows rows = new BinaryCopyRows((to - from) * 2048);
                        for (int i = from; i < to; i++) {
                            protect.accept(i);
                            EventRows.encode(protectedEvents[i], rows);
                        }
                        return rows;
                    }, copy::write);
                    copy.finish();
                }
            } else {
                ChunkSlices.run(executor, drafts.size(), SLICES, protect);
                EventRows.insert(connection, List.of(protectedEvents));
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not store " + drafts.size() + " events", e);
        }
        log.append(List.of(protectedEvents), List.of(leafHashes));
    }

    /**
     * The quarantine keys (fingerprint and reason) the source already holds for these fingerprints. On
     * PostgreSQL, as for event ids, one probe per fingerprint through the (source, fingerprint, reason)
     * index: a file with many bad lines would otherwise get a plan that scans the source's whole
     * quarantine for every chunk, as statistics lag behind the bulk load.
     */
    private Set<String> quarantinedKeys(AuditSource source, Set<String> fingerprints) {
        Set<String> known = new HashSet<>();
        if (fingerprints.isEmpty()) {
            return known;
        }
        List<?> rows;
        if (vendor() == DatabaseVendor.POSTGRESQL) {
            rows = em.createNativeQuery("SELECT q.raw_hmac, q.reason FROM json_array_elements_text(CAST(?1 AS json)) AS k(fingerprint) "
                            + "JOIN LATERAL (SELECT raw_hmac, reason FROM quarantined_record r "
                            + "WHERE r.source_id = ?2 AND r.raw_hmac = k.fingerprint) AS q ON TRUE")
                    .setParameter(1, JsonStringArray.of(fingerprints))
                    .setParameter(2, source.id())
                    .getResultList();
        } else {
            rows = probeEach("SELECT q.raw_hmac, q.reason FROM UNNEST(?) AS k(fingerprint)"
                    + " JOIN quarantined_record q ON q.source_id = ? AND q.raw_hmac = k.fingerprint", fingerprints, source, 2);
        }
        rows.forEach(row -> known.add(quarantineKey((String) ((Object[]) row)[0], (String) ((Object[]) row)[1])));
        return known;
    }

    /**
     * Which of these events' ids the source already has. On PostgreSQL the source's count of writes is
     * raised first (under the source lock taken before); an event looked up ahead is settled by its
     * look-up if every write since the look-up was one of this run's chunks, whose ids are known here.
     * The others are looked up now, under the lock.
     */
    private Set<String> knownEventIds(AuditSource source, Map<String, IngestRecord.Event> events, RecentWrites recent) {
        if (vendor() != DatabaseVendor.POSTGRESQL) {
            return storedEventIds(source, events.keySet());
        }
        long writesBefore = ((Number) em.createNativeQuery(
                        "UPDATE audit_source SET stored_chunks = stored_chunks + 1 WHERE id = ?1 RETURNING stored_chunks - 1")
                .setParameter(1, source.id())
                .getSingleResult()).longValue();
        Set<String> known = new HashSet<>();
        Set<String> toLookUp = new LinkedHashSet<>();
        Map<StoredIdsLookup, Optional<Set<String>>> storedSince = new IdentityHashMap<>();
        for (IngestRecord.Event event : events.values()) {
            String id = event.draft().sourceEventId();
            StoredIdsLookup lookup = event.lookup();
            Optional<Set<String>> since = lookup == null || recent == null ? Optional.empty()
                    : storedSince.computeIfAbsent(lookup, l -> recent.storedSince(l.sourceWrites(), writesBefore));
            if (since.isEmpty()) {
                toLookUp.add(id);
            } else if (lookup.storedIds().contains(id) || since.get().contains(id)) {
                known.add(id);
            }
        }
        known.addAll(storedEventIds(source, toLookUp));
        if (recent != null) {
            Set<String> storedNow = new HashSet<>(events.keySet());
            storedNow.removeAll(known);
            AfterCommit.run(transactions, () -> recent.committed(writesBefore + 1, storedNow));
        }
        return known;
    }

    /**
     * Which of these event ids the source holds now, with the source's count of writes read in the same
     * statement, for a chunk still to come ({@link #store(UUID, Long, List, RecentWrites)}); outside any
     * transaction, so that it runs beside the chunk being stored. Empty on H2, where chunks look ids up
     * themselves.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StoredIdsLookup> lookUpStoredIds(UUID sourceId, Collection<String> ids) {
        if (vendor() != DatabaseVendor.POSTGRESQL || ids.isEmpty()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT s.stored_chunks, hit.id FROM audit_source s LEFT JOIN LATERAL ("
                        + "SELECT k.id FROM json_array_elements_text(CAST(?1 AS json)) AS k(id) "
                        + "CROSS JOIN LATERAL (SELECT 1 FROM audit_event e WHERE e.source_id = ?2 AND e.source_event_id = k.id LIMIT 1) AS found"
                        + ") AS hit ON TRUE WHERE s.id = ?2")
                .setParameter(1, JsonStringArray.of(new LinkedHashSet<>(ids)))
                .setParameter(2, sourceId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long writes = ((Number) ((Object[]) rows.get(0))[0]).longValue();
        Set<String> stored = new HashSet<>();
        rows.forEach(row -> {
            Object id = ((Object[]) row)[1];
            if (id != null) {
                stored.add((String) id);
            }
        });
        return Optional.of(new StoredIdsLookup(writes, stored));
    }

    /**
     * Which of these event ids the source already has, in one statement per chunk. On PostgreSQL each id
     * is probed through the (source, source event id) index: a plain {@code IN} list lets the planner,
     * whose statistics lag far behind during a bulk import, scan every row of the source instead, which
     * makes a large import quadratic. The probe needs no statistics to stay one index lookup per id.
     */
    private Set<String> storedEventIds(AuditSource source, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<?> rows;
        if (vendor() == DatabaseVendor.POSTGRESQL) {
            rows = em.createNativeQuery("SELECT k.id FROM json_array_elements_text(CAST(?1 AS json)) AS k(id) "
                            + "CROSS JOIN LATERAL (SELECT 1 FROM audit_event e WHERE e.source_id = ?2 AND e.source_event_id = k.id LIMIT 1) AS hit")
                    .setParameter(1, JsonStringArray.of(keys))
                    .setParameter(2, source.id())
                    .getResultList();
        } else {
            rows = probeEach("SELECT e.source_event_id FROM UNNEST(?) AS k(id)"
                    + " JOIN audit_event e ON e.source_id = ? AND e.source_event_id = k.id", keys, source, 1);
        }
        Set<String> known = new HashSet<>();
        rows.forEach(row -> known.add((String) row));
        return known;
    }

    /**
     * H2: looks each key up through the source's unique index, the keys given as one array. An
     * {@code IN} list of a chunk's 4,000 keys costs H2 seconds to plan each time (a fresh statement per
     * chunk; measured 20 s and more on this machine's kind), which made a re-import of known lines
     * slower than storing new ones; joined from {@code UNNEST}, the same look-up takes milliseconds.
     *
     * @return one row per hit: the value when {@code columns} is 1, else an Object[] of the columns
     */
    private List<?> probeEach(String sql, Collection<String> keys, AuditSource source, int columns) {
        Connection connection = em.unwrap(Connection.class);
        List<Object> rows = new ArrayList<>();
        try (java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("VARCHAR", keys.toArray()));
            query.setObject(2, source.id());
            try (java.sql.ResultSet hits = query.executeQuery()) {
                while (hits.next()) {
                    if (columns == 1) {
                        rows.add(hits.getString(1));
                    } else {
                        Object[] row = new Object[columns];
                        for (int column = 0; column < columns; column++) {
                            row[column] = hits.getString(column + 1);
                        }
                        rows.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not look up " + keys.size() + " keys of source " + source.id(), e);
        }
        return rows;
    }

    /**
     * On PostgreSQL, makes concurrent pulls of one source take turns from the duplicate check to the
     * commit: events go in by COPY, which has no "skip what exists", so the check must see every row
     * stored before it. The lock ends with the transaction. Pulls of different sources never wait
     * for each other here (a hash collision would only make two sources take turns).
     */
    private void lockSource(AuditSource source) {
        if (vendor() == DatabaseVendor.POSTGRESQL) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
                    .setParameter(1, SOURCE_LOCK_CLASS)
                    .setParameter(2, source.id().hashCode())
                    .getSingleResult();
        }
    }

    /** The first key of the two-key advisory locks on sources ("TrkS"), apart from any other lock's. */
    private static final int SOURCE_LOCK_CLASS = 0x54726b53;

    private DatabaseVendor vendor() {
        if (vendor == null) {
            vendor = ConfiguredDataSource.currentSettings().vendor();
        }
        return vendor;
    }

    /**
     * A quarantine entry is identified by its bytes and its reason (one OTLP line may fail for several
     * spans); the bytes by their keyed fingerprint, never an unkeyed hash that could confirm a guessed line.
     */
    private static String quarantineKey(String fingerprintHex, String reason) {
        return fingerprintHex + "\n" + reason;
    }

}
