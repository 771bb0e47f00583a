package io.trailkeeper.integrity.boundary;

import io.trailkeeper.platform.control.Sha256;
import io.trailkeeper.integrity.control.CheckpointBody;
import io.trailkeeper.integrity.control.CheckpointSignature;
import io.trailkeeper.integrity.control.DeletionLeaf;
import io.trailkeeper.integrity.control.DeletionLeaves;
import io.trailkeeper.integrity.control.EventLeaf;
import io.trailkeeper.integrity.control.LeafEncoding;
import io.trailkeeper.integrity.control.LeafRows;
import io.trailkeeper.integrity.control.LogVerification;
import io.trailkeeper.integrity.control.MerkleAccumulator;
import io.trailkeeper.integrity.control.TreeHead;
import io.trailkeeper.integrity.control.VerificationReport;
import io.trailkeeper.integrity.entity.Checkpoint;
import io.trailkeeper.integrity.entity.LogHead;
import io.trailkeeper.integrity.entity.LogLeaf;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.DeletionGround;
import io.trailkeeper.trail.entity.DeletionRefused;
import io.trailkeeper.trail.entity.InvalidQuery;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The tamper-evident log of the trail (RFC 6962). Every stored event is appended as a leaf in the
 * transaction that stores it; checkpoints sign the tree's size and root; verification recomputes each
 * event's leaf from its row and locates what was changed, deleted or inserted behind Trailkeeper's
 * back (SOC 2 CC7.2 / 45 CFR 164.312(c)(1): integrity of audit records). A deletion by retention or
 * erasure is a leaf too ({@link #recordDeletions}), so the row it removes is accounted for, not missing.
 */
@Stateless
public class TrailLog {

    private static final Logger LOG = Logger.getLogger(TrailLog.class.getName());

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @EJB
    CheckpointKeys keys;

    @Inject
    Clock clock;

    /** Appends the events in order; the locked head makes concurrent imports take turns. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void append(List<AuditEvent> events) {
        append(events, events.stream().map(TrailLog::leafHash).toList());
    }

    /**
     * Appends the events in order with their leaf hashes, computed by the caller with
     * {@link #leafHash(AuditEvent)} (an import computes them on several cores).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void append(List<AuditEvent> events, List<byte[]> leafHashes) {
        if (events.size() != leafHashes.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + leafHashes.size() + " leaf hashes");
        }
        if (events.isEmpty()) {
            return;
        }
        LogHead head = em.find(LogHead.class, LogHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long index = head.advance(events.size());
        Instant now = clock.instant();
        List<LogLeaf> leaves = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            leaves.add(new LogLeaf(index++, events.get(i).id(), leafHashes.get(i), now));
        }
        // The head row stays locked until the transaction ends, so the indexes stay dense and ordered.
        try {
            LeafRows.insert(em.unwrap(Connection.class), leaves);
        } catch (SQLException e) {
            throw new PersistenceException("could not append " + leaves.size() + " leaves to the log", e);
        }
    }

    /**
     * Appends events that have no leaf yet, oldest first: those stored before the log existed. Run at
     * start-up; afterwards every event gets its leaf in the transaction that stores it.
     */
    public int appendMissing() {
        List<AuditEvent> missing = em.createQuery("SELECT e FROM AuditEvent e JOIN FETCH e.source WHERE NOT EXISTS "
                + "(SELECT l FROM LogLeaf l WHERE l.eventId = e.id) ORDER BY e.ingestedAt, e.occurredAt, e.id", AuditEvent.class)
                .getResultList();
        append(missing);
        return missing.size();
    }

    /** The deletion of one event as the log records it: the event's own leaf and the leaf recording its deletion. */
    public record RecordedDeletion(UUID eventId, long eventLeafIndex, long deletionLeafIndex) {
    }

    /** How many ids a single IN (...) of the deletion queries carries. */
    private static final int IDS_PER_QUERY = 1_000;

    /**
     * Appends one deletion leaf per event, in the order of the events' own leaves, under the same locked
     * head as {@link #append}. Each commits to the deleted leaf's index and hash (and so to the event's
     * fields), the ground and who asked ({@link DeletionLeaf}), all of which its row also names, so that
     * verification can recompute it: the record an auditor relies on cannot be altered unnoticed (GDPR
     * Art. 5(2); Art. 17). The caller removes the rows in the same transaction (see EventDeletion).
     * Refused, before anything is written, for an id that is not stored, already deleted, named twice, not
     * yet in the log, or whose row no longer matches its leaf: deleting a changed row would erase the
     * evidence that it was changed.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<RecordedDeletion> recordDeletions(Collection<UUID> eventIds, DeletionGround ground, String requestedBy) {
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Set<UUID> ids = new LinkedHashSet<>(eventIds);
        if (ids.size() != eventIds.size()) {
            throw new DeletionRefused("Nothing was deleted: an event is named more than once (" + eventIds.size() + " ids, "
                    + ids.size() + " distinct).");
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        // Locked before anything is read: a concurrent deletion of the same events waits here, then finds them deleted.
        LogHead head = em.find(LogHead.class, LogHead.ID, LockModeType.PESSIMISTIC_WRITE);
        Map<UUID, LogLeaf> eventLeaves = new HashMap<>();
        Map<UUID, LogLeaf> deletions = new HashMap<>();
        Map<UUID, AuditEvent> events = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            em.createQuery("SELECT l FROM LogLeaf l WHERE l.eventId IN :ids", LogLeaf.class).setParameter("ids", chunk)
                    .getResultStream()
                    .forEach(l -> (l.kind() == LogLeaf.Kind.DELETION ? deletions : eventLeaves).put(l.eventId(), l));
            em.createQuery("SELECT e FROM AuditEvent e JOIN FETCH e.source WHERE e.id IN :ids", AuditEvent.class)
                    .setParameter("ids", chunk).getResultStream()
                    .forEach(e -> events.put(e.id(), e));
        }
        refuseAny(ids.stream().filter(deletions::containsKey)
                .map(id -> id + " (its deletion is leaf " + deletions.get(id).leafIndex() + ")").toList(), "already deleted");
        refuseAny(ids.stream().filter(id -> !events.containsKey(id)).map(UUID::toString).toList(), "not stored");
        refuseAny(ids.stream().filter(id -> !eventLeaves.containsKey(id)).map(UUID::toString).toList(),
                "not in the log yet (events stored before the log get their leaves at start-up)");
        refuseAny(ids.stream().filter(id -> !MessageDigest.isEqual(leafHash(events.get(id)), eventLeaves.get(id).leafHash()))
                .map(id -> id + " (leaf " + eventLeaves.get(id).leafIndex() + ")").toList(),
                "changed since being stored (the row no longer matches its leaf; verify the log)");

        List<LogLeaf> deleted = ids.stream().map(eventLeaves::get).sorted(Comparator.comparingLong(LogLeaf::leafIndex)).toList();
        long index = head.advance(deleted.size());
        Instant now = clock.instant();
        List<LogLeaf> leaves = new ArrayList<>(deleted.size());
        List<RecordedDeletion> recorded = new ArrayList<>(deleted.size());
        for (LogLeaf eventLeaf : deleted) {
            // The event leaf's recorded hash, which the check above found equal to the row's: what the log already commits to.
            byte[] hash = LeafEncoding.leafHash(new DeletionLeaf(eventLeaf.leafIndex(), eventLeaf.eventId().toString(),
                    eventLeaf.leafHash(), ground.name(), requestedBy));
            leaves.add(LogLeaf.deletion(index, eventLeaf.eventId(), hash, now, eventLeaf.leafIndex(), ground, requestedBy));
            recorded.add(new RecordedDeletion(eventLeaf.eventId(), eventLeaf.leafIndex(), index));
            index++;
        }
        try {
            LeafRows.insertDeletions(em.unwrap(Connection.class), leaves);
        } catch (SQLException e) {
            throw new PersistenceException("could not append " + leaves.size() + " deletion leaves to the log", e);
        }
        return recorded;
    }

    /** How many offending events a refusal names before counting the rest. */
    private static final int NAMED = 20;

    private static void refuseAny(List<String> events, String reason) {
        if (events.isEmpty()) {
            return;
        }
        String named = String.join(", ", events.subList(0, Math.min(NAMED, events.size())));
        throw new DeletionRefused("Nothing was deleted: " + events.size() + (events.size() == 1 ? " event is " : " events are ")
                + reason + ": " + named + (events.size() > NAMED ? " and " + (events.size() - NAMED) + " more" : "") + ".");
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }

    /**
     * Signs the current tree: its size, its root, the time and the hash of the previous checkpoint. Goes
     * on from the previous checkpoint's subtree roots, reading only the leaves appended since, when
     * they fold into that checkpoint's signed root; otherwise (none kept, or not matching) it reads
     * the whole log. Either way what is signed extends what was signed before.
     */
    public Checkpoint seal() {
        LogHead head = em.find(LogHead.class, LogHead.ID, LockModeType.PESSIMISTIC_READ);
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() == head.size()) {
            return latest.get();
        }
        MerkleAccumulator tree = latest.flatMap(c -> continuedFrom(c, head.size())).orElseGet(MerkleAccumulator::new);
        em.createQuery("SELECT l.leafHash FROM LogLeaf l WHERE l.leafIndex >= :from AND l.leafIndex < :size ORDER BY l.leafIndex", byte[].class)
                .setParameter("from", tree.size())
                .setParameter("size", head.size())
                .getResultStream()
                .forEach(tree::append);
        if (latest.isPresent() && latest.get().treeSize() == tree.size()) {
            return latest.get();
        }
        byte[] previous = latest.map(c -> CheckpointSignature.checkpointHash(body(c), c.signature())).orElse(null);
        // The column keeps milliseconds and databases round the rest: sign exactly what will be read back,
        // or a checkpoint read from the database fails its own signature half the time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CheckpointBody body = new CheckpointBody(tree.size(), tree.root(), now.toEpochMilli(), previous);
        Checkpoint checkpoint = new Checkpoint(tree.size(), tree.root(), now, previous, CheckpointSignature.sign(keys.signing(), body),
                tree.subtreeRoots());
        em.persist(checkpoint);
        return checkpoint;
    }

    /**
     * The tree of {@code checkpoint} rebuilt from its kept subtree roots, if they fold into its signed
     * root (a changed or damaged row does not) and the log has not shrunk below it.
     */
    private Optional<MerkleAccumulator> continuedFrom(Checkpoint checkpoint, long headSize) {
        if (checkpoint.treeSize() > headSize || !signatureValid(checkpoint)) {
            return Optional.empty();
        }
        return checkpoint.subtreeRoots().flatMap(roots -> {
            try {
                MerkleAccumulator tree = MerkleAccumulator.resume(checkpoint.treeSize(), roots);
                if (Arrays.equals(tree.root(), checkpoint.rootHash())) {
                    return Optional.of(tree);
                }
            } catch (IllegalArgumentException wrongLength) {
                // read the whole log instead
            }
            LOG.warning(() -> "The subtree roots kept with checkpoint " + checkpoint.treeSize()
                    + " do not fold into its root; sealing from the whole log");
            return Optional.empty();
        });
    }

    public Optional<Checkpoint> latest() {
        return em.createQuery("SELECT c FROM Checkpoint c ORDER BY c.treeSize DESC", Checkpoint.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public boolean signatureValid(Checkpoint checkpoint) {
        return CheckpointSignature.verify(keys.verification(), body(checkpoint), checkpoint.signature());
    }

    /**
     * Recomputes every event's leaf from its current row and compares it with the recorded leaf, and
     * every checkpoint with the recorded tree. An event whose deletion the log records counts as an
     * accounted deletion, and its row, should it be back, as an insertion; a deletion leaf is recomputed
     * from its row and the leaf it names ({@link DeletionLeaves}). Holds the log's leaves in memory.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public VerificationReport verify() {
        int size = Math.toIntExact(em.find(LogHead.class, LogHead.ID).size());
        // Indexed by leaf index, so a leaf row deleted from the table leaves a gap instead of shifting the rest.
        LogLeaf[] leaves = new LogLeaf[size];
        em.createQuery("SELECT l FROM LogLeaf l WHERE l.leafIndex >= 0 AND l.leafIndex < :size", LogLeaf.class)
                .setParameter("size", (long) size)
                .getResultStream().forEach(l -> leaves[Math.toIntExact(l.leafIndex())] = l);
        Map<UUID, byte[]> current = new HashMap<>();
        em.createQuery("SELECT e FROM AuditEvent e JOIN FETCH e.source", AuditEvent.class).getResultStream()
                .forEach(e -> current.put(e.id(), leafHash(e)));
        boolean[] deleted = new boolean[size];
        long firstDeletionRecord = DeletionLeaves.NO_DELETION_RECORD;
        for (LogLeaf leaf : leaves) {
            if (leaf != null && DeletionLeaves.deletes(leaf, deletedLeaf(leaf, leaves))) {
                deleted[Math.toIntExact(leaf.deletesLeafIndex())] = true;
            }
            if (leaf != null && leaf.kind() == LogLeaf.Kind.DELETION && leaf.layout() == LogLeaf.Layout.DELETION_RECORD) {
                firstDeletionRecord = Math.min(firstDeletionRecord, leaf.leafIndex());
            }
        }
        List<Optional<byte[]>> rows = new ArrayList<>(java.util.Collections.nCopies(size, Optional.<byte[]>empty()));
        for (LogLeaf leaf : leaves) {
            if (leaf == null) {
                continue;
            }
            int index = Math.toIntExact(leaf.leafIndex());
            if (leaf.kind() == LogLeaf.Kind.DELETION) {
                rows.set(index, DeletionLeaves.rowAt(leaf, deletedLeaf(leaf, leaves), firstDeletionRecord));
            } else if (!deleted[index]) {
                rows.set(index, Optional.ofNullable(current.remove(leaf.eventId())));
            }
        }
        // Rows without a leaf, or whose deletion the log records, were inserted behind the log: they come after its end.
        rows.addAll(current.values().stream().map(Optional::of).toList());
        List<TreeHead> checkpoints = em.createQuery("SELECT c FROM Checkpoint c ORDER BY c.treeSize", Checkpoint.class)
                .getResultStream().map(c -> new TreeHead(c.treeSize(), c.rootHash())).toList();
        return LogVerification.verify(
                new LogVerification.RecordedLeaves(size, i -> leaves[(int) i] == null ? null : leaves[(int) i].leafHash()),
                new LogVerification.CurrentRows(rows.size(), i -> rows.get((int) i), i -> deleted[(int) i]),
                checkpoints);
    }

    private static LogLeaf deletedLeaf(LogLeaf deletion, LogLeaf[] leaves) {
        Long index = deletion.deletesLeafIndex();
        return index == null || index < 0 || index >= leaves.length ? null : leaves[Math.toIntExact(index)];
    }

    /** How many leaves and rows a range verification holds in memory at a time. */
    static final int RANGE_CHUNK = 1_000;

    /** The outcome of verifying leaf indexes {@code from} (inclusive) to {@code to} (exclusive) of a log of {@code logSize}. */
    public record RangeVerification(long from, long to, long logSize, VerificationReport report) {
    }

    /**
     * Verifies the rows at leaf indexes {@code from} to {@code to} (exclusive; the log's end when null)
     * and every checkpoint those leaves reach (see {@link LogVerification#verify(LogVerification.RecordedLeaves,
     * LogVerification.CurrentRows, List, int, long, long)}). Memory stays bounded: leaves and rows are read
     * {@value #RANGE_CHUNK} at a time, and only the hashes of the leaves before the range.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RangeVerification verify(Long from, Long to) {
        long size = em.find(LogHead.class, LogHead.ID).size();
        long start = from == null ? 0 : from;
        long end = to == null ? size : to;
        if (start < 0 || end < start || end > size) {
            throw new InvalidQuery("a range needs 0 <= from <= to <= " + size + " (the log's size), not from " + start + " to " + end);
        }
        long unlogged = end == size ? unloggedRows(size) : 0;
        RecordedHashes recorded = new RecordedHashes();
        RowHashes rows = new RowHashes(size, firstDeletionRecordBelow(end));
        List<TreeHead> checkpoints = em.createQuery("SELECT c FROM Checkpoint c ORDER BY c.treeSize", Checkpoint.class)
                .getResultStream().map(c -> new TreeHead(c.treeSize(), c.rootHash())).toList();
        VerificationReport report = LogVerification.verify(
                new LogVerification.RecordedLeaves(size, recorded::at),
                new LogVerification.CurrentRows(size + unlogged, rows::at, rows::deleted),
                checkpoints, LogVerification.DEFAULT_CAP, start, end);
        return new RangeVerification(start, end, size, report);
    }

    /**
     * Rows the log does not account for: without an event leaf, or back although the log records their
     * deletion. The same rows the whole verification puts after the log's end.
     */
    private long unloggedRows(long size) {
        long withoutLeaf = em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE NOT EXISTS (SELECT l FROM LogLeaf l "
                        + "WHERE l.eventId = e.id AND l.kind = :event AND l.leafIndex < :size)", Long.class)
                .setParameter("event", LogLeaf.Kind.EVENT).setParameter("size", size).getSingleResult();
        long deletedYetThere = em.createQuery("SELECT d, l FROM LogLeaf d, LogLeaf l, AuditEvent e WHERE d.kind = :deletion "
                        + "AND d.leafIndex < :size AND l.leafIndex = d.deletesLeafIndex AND l.eventId = d.eventId AND e.id = d.eventId",
                        Object[].class)
                .setParameter("deletion", LogLeaf.Kind.DELETION).setParameter("size", size)
                .getResultStream().filter(pair -> DeletionLeaves.deletes((LogLeaf) pair[0], (LogLeaf) pair[1])).count();
        return withoutLeaf + deletedYetThere;
    }

    /**
     * The index of the first deletion leaf hashed as a DELETION_RECORD ({@link DeletionLeaves#rowAt}), looking
     * below {@code end} only: the leaves a range compares lie below it, so a later one cannot concern them.
     */
    private long firstDeletionRecordBelow(long end) {
        Long first = em.createQuery("SELECT MIN(l.leafIndex) FROM LogLeaf l WHERE l.kind = :deletion AND l.layout = :record "
                        + "AND l.leafIndex < :end", Long.class)
                .setParameter("deletion", LogLeaf.Kind.DELETION).setParameter("record", LogLeaf.Layout.DELETION_RECORD)
                .setParameter("end", end).getSingleResult();
        return first == null ? DeletionLeaves.NO_DELETION_RECORD : first;
    }

    /** The recorded leaf hashes, read forward a chunk at a time (verification asks in ascending order). */
    private final class RecordedHashes {
        private long chunkStart = -1;
        private final byte[][] chunk = new byte[RANGE_CHUNK][];

        byte[] at(long index) {
            if (chunkStart < 0 || index < chunkStart || index >= chunkStart + RANGE_CHUNK) {
                chunkStart = index - index % RANGE_CHUNK;
                java.util.Arrays.fill(chunk, null);
                em.createQuery("SELECT l.leafIndex, l.leafHash FROM LogLeaf l WHERE l.leafIndex >= :first AND l.leafIndex < :end",
                                Object[].class)
                        .setParameter("first", chunkStart).setParameter("end", chunkStart + RANGE_CHUNK)
                        .getResultList()
                        .forEach(row -> chunk[(int) ((Long) row[0] - chunkStart)] = (byte[]) row[1]);
            }
            return chunk[(int) (index - chunkStart)];
        }
    }

    /**
     * The leaf hashes recomputed from the event rows, by the leaf index their recorded leaf gives them,
     * a chunk at a time, and which of those events the log records as deleted. A deletion leaf is
     * recomputed from its row ({@link DeletionLeaves}). Positions from the log's size on stand for rows the
     * log never recorded.
     */
    private final class RowHashes {
        private static final byte[] UNLOGGED = new byte[0];
        private final long logSize;
        private final long firstDeletionRecord;
        private long chunkStart = -1;
        private final List<Optional<byte[]>> chunk = new ArrayList<>(RANGE_CHUNK);
        private final boolean[] deleted = new boolean[RANGE_CHUNK];

        RowHashes(long logSize, long firstDeletionRecord) {
            this.logSize = logSize;
            this.firstDeletionRecord = firstDeletionRecord;
        }

        Optional<byte[]> at(long index) {
            if (index >= logSize) {
                return Optional.of(UNLOGGED);
            }
            return chunk(index).get((int) (index - chunkStart));
        }

        boolean deleted(long index) {
            if (index >= logSize) {
                return false;
            }
            chunk(index);
            return deleted[(int) (index - chunkStart)];
        }

        private List<Optional<byte[]>> chunk(long index) {
            if (chunkStart < 0 || index < chunkStart || index >= chunkStart + RANGE_CHUNK) {
                load(index - index % RANGE_CHUNK);
            }
            return chunk;
        }

        private void load(long first) {
            chunkStart = first;
            chunk.clear();
            chunk.addAll(java.util.Collections.nCopies(RANGE_CHUNK, Optional.<byte[]>empty()));
            java.util.Arrays.fill(deleted, false);
            long end = Math.min(first + RANGE_CHUNK, logSize);
            Map<Long, LogLeaf> leaves = new HashMap<>();
            em.createQuery("SELECT l FROM LogLeaf l WHERE l.leafIndex >= :first AND l.leafIndex < :end", LogLeaf.class)
                    .setParameter("first", first).setParameter("end", end)
                    .getResultList()
                    .forEach(l -> leaves.put(l.leafIndex(), l));
            // Deletions of this chunk's events come later in the log, perhaps beyond this chunk.
            em.createQuery("SELECT d FROM LogLeaf d WHERE d.kind = :deletion AND d.deletesLeafIndex >= :first "
                            + "AND d.deletesLeafIndex < :end AND d.leafIndex < :size", LogLeaf.class)
                    .setParameter("deletion", LogLeaf.Kind.DELETION).setParameter("first", first).setParameter("end", end)
                    .setParameter("size", logSize)
                    .getResultList().stream()
                    .filter(d -> DeletionLeaves.deletes(d, leaves.get(d.deletesLeafIndex())))
                    .forEach(d -> deleted[(int) (d.deletesLeafIndex() - first)] = true);
            // And the event leaves this chunk's deletions delete, which come earlier, perhaps before it.
            Set<Long> outside = leaves.values().stream()
                    .filter(l -> l.kind() == LogLeaf.Kind.DELETION && l.deletesLeafIndex() != null && !leaves.containsKey(l.deletesLeafIndex()))
                    .map(LogLeaf::deletesLeafIndex).collect(java.util.stream.Collectors.toSet());
            Map<Long, LogLeaf> deletedElsewhere = new HashMap<>();
            if (!outside.isEmpty()) {
                em.createQuery("SELECT l FROM LogLeaf l WHERE l.leafIndex IN :indexes", LogLeaf.class)
                        .setParameter("indexes", outside).getResultList()
                        .forEach(l -> deletedElsewhere.put(l.leafIndex(), l));
            }
            Map<UUID, Integer> positions = new HashMap<>();
            for (LogLeaf leaf : leaves.values()) {
                int position = (int) (leaf.leafIndex() - first);
                if (leaf.kind() == LogLeaf.Kind.DELETION) {
                    LogLeaf target = leaves.containsKey(leaf.deletesLeafIndex()) ? leaves.get(leaf.deletesLeafIndex())
                            : deletedElsewhere.get(leaf.deletesLeafIndex());
                    chunk.set(position, DeletionLeaves.rowAt(leaf, target, firstDeletionRecord));
                } else if (!deleted[position]) {
                    positions.put(leaf.eventId(), position);
                }
            }
            if (!positions.isEmpty()) {
                em.createQuery("SELECT e FROM AuditEvent e JOIN FETCH e.source WHERE e.id IN :ids", AuditEvent.class)
                        .setParameter("ids", positions.keySet())
                        .getResultList()
                        .forEach(e -> chunk.set(positions.get(e.id()), Optional.of(leafHash(e))));
            }
            if (!em.isJoinedToTransaction()) {
                // Outside a transaction nobody else holds these entities: let them go with the chunk.
                em.clear();
            }
        }
    }

    /** An event's audit path to the root of a sealed checkpoint (RFC 6962 §2.1.1). */
    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
    }

    /** The proof that a later checkpoint's tree extends an earlier one's (RFC 6962 §2.1.2). */
    public record Consistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    }

    /** Proves that the event is in the tree of the checkpoint of size {@code treeSize} (latest when null). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Inclusion> inclusion(UUID eventId, Long treeSize) {
        Optional<Checkpoint> checkpoint = treeSize == null ? latest() : Optional.ofNullable(em.find(Checkpoint.class, treeSize));
        // The event's own leaf, which stays in the log after the event is deleted.
        Optional<LogLeaf> leaf = em.createQuery("SELECT l FROM LogLeaf l WHERE l.eventId = :event AND l.kind = :kind", LogLeaf.class)
                .setParameter("event", eventId).setParameter("kind", LogLeaf.Kind.EVENT).getResultStream().findFirst();
        if (checkpoint.isEmpty() || leaf.isEmpty() || leaf.get().leafIndex() >= checkpoint.get().treeSize()) {
            return Optional.empty();
        }
        byte[][] leaves = recordedLeaves(checkpoint.get().treeSize());
        return Optional.of(new Inclusion(leaf.get().leafIndex(), checkpoint.get().treeSize(), leaf.get().leafHash(),
                io.trailkeeper.integrity.control.InclusionProof.path(i -> leaves[(int) i], leaf.get().leafIndex(), leaves.length),
                checkpoint.get().rootHash()));
    }

    /** Proves that the checkpoint of size {@code newSize} only appended to the one of size {@code oldSize}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Consistency> consistency(long oldSize, long newSize) {
        Checkpoint older = em.find(Checkpoint.class, oldSize);
        Checkpoint newer = em.find(Checkpoint.class, newSize);
        if (older == null || newer == null || oldSize > newSize) {
            return Optional.empty();
        }
        byte[][] leaves = recordedLeaves(newSize);
        return Optional.of(new Consistency(oldSize, newSize, older.rootHash(), newer.rootHash(),
                io.trailkeeper.integrity.control.ConsistencyProof.proof(i -> leaves[(int) i], oldSize, newSize)));
    }

    private byte[][] recordedLeaves(long size) {
        byte[][] leaves = new byte[Math.toIntExact(size)][];
        em.createQuery("SELECT l FROM LogLeaf l WHERE l.leafIndex < :size ORDER BY l.leafIndex", LogLeaf.class)
                .setParameter("size", size).getResultStream()
                .forEach(l -> leaves[(int) l.leafIndex()] = l.leafHash());
        return leaves;
    }

    /** The leaf an event gets in the log: over its non-personal fields and the SHA-256 of its stored content. */
    public static byte[] leafHash(AuditEvent event) {
        return LeafEncoding.leafHash(leafOf(event));
    }

    private static EventLeaf leafOf(AuditEvent event) {
        byte[] contentSha256 = event.storedContent().map(c -> Sha256.of(c.bytes())).orElse(null);
        return new EventLeaf(EventLeaf.EVENT, event.id().toString(), event.occurredAt().toEpochMilli(),
                event.source().id().toString(), event.sourceEventId(), event.agentId(), event.action(), event.target(),
                event.result(), event.region(), contentSha256);
    }

    private static CheckpointBody body(Checkpoint c) {
        return new CheckpointBody(c.treeSize(), c.rootHash(), c.sealedAt().toEpochMilli(), c.previousHash());
    }

}
