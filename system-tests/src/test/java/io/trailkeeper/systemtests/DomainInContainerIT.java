package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.integrity.control.MerkleAccumulator;
import io.trailkeeper.integrity.control.VerificationReport;
import io.trailkeeper.integrity.entity.Checkpoint;
import io.trailkeeper.ingest.boundary.Quarantine;
import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.ingest.entity.StoredIdsLookup;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.format.control.LineFormat;
import io.trailkeeper.ingest.store.control.RecentWrites;
import io.trailkeeper.platform.boundary.SchemaMigration;
import io.trailkeeper.platform.control.DatabaseVendor;
import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The domain services inside the real server, on the configured database. */
@ExtendWith(ArquillianExtension.class)
class DomainInContainerIT {

    @Deployment
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.withTestsInside(DomainInContainerIT.class);
    }

    @EJB
    io.trailkeeper.source.boundary.PullHistory pullHistory;

    @EJB
    TrailIngestion ingestion;

    @EJB
    TrailQueries trail;

    @EJB
    AccountDirectory accounts;

    @EJB
    SchemaMigration schema;

    @EJB
    SubjectVault vault;

    @EJB
    Quarantine quarantine;

    @EJB
    TrailLog log;

    @EJB
    io.trailkeeper.source.boundary.SourceCatalog sources;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    UserTransaction transaction;

    @Test
    void theSchemaWasMigratedOnTheConfiguredDatabase() {
        String url = System.getenv("TRAILKEEPER_DB_URL");
        DatabaseVendor expected = url != null && url.startsWith("jdbc:postgresql:") ? DatabaseVendor.POSTGRESQL : DatabaseVendor.H2;
        assertEquals(expected, schema.vendor());
    }

    @Test
    void storingTheSameEventsTwiceKeepsOneCopy() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        List<IngestRecord> records = List.of(
                event(1, "e-1", agent, "2026-09-01T10:00:00.123Z"),
                event(2, "e-2", agent, "2026-09-01T10:05:00Z"),
                event(3, "e-2", agent, "2026-09-01T10:05:00Z"), // the same event twice in one chunk
                new IngestRecord.Malformed(new SourcePosition(4, 300), "not valid JSON", "{oops".getBytes(StandardCharsets.UTF_8), 5));

        StoreOutcome first = inTransaction(() -> ingestion.store(source.id(), 1L, records));
        StoreOutcome second = inTransaction(() -> ingestion.store(source.id(), 2L, records));

        assertEquals(new StoreOutcome(4, 2, 1, 1), first);
        assertEquals(new StoreOutcome(4, 0, 3, 1), second);
        EventFilter byAgent = new EventFilter(null, null, agent, null);
        assertEquals(2, trail.count(byAgent));
        assertEquals(Instant.parse("2026-09-01T10:00:00.123Z"), trail.chronological(byAgent, 10).get(0).occurredAt(),
                "milliseconds survive the round trip in UTC");

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, raw_bytes, raw_key_id FROM quarantined_record WHERE source_id = ?")) {
            query.setObject(1, source.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertFalse(new String(row.getBytes(2), StandardCharsets.ISO_8859_1).contains("{oops"), "quarantined bytes are sealed at rest");
                assertTrue(row.getObject(3) != null);
                QuarantinedRecord record = quarantine.find(UUID.fromString(row.getString(1))).orElseThrow();
                assertEquals("{oops", new String(quarantine.keptBytes(record), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void subjectsAreStoredAsPseudonymsAndTheirContentEncryptedUntilTheirKeyIsDestroyed() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        String jane = "jane-" + UUID.randomUUID() + "@example.com";
        String omar = "omar-" + UUID.randomUUID();
        String marker = "plan-" + UUID.randomUUID();
        inTransaction(() -> ingestion.store(source.id(), 1L, List.of(
                subjectEvent(1, agent, jane, "{\"prompt\":\"" + marker + " for jane\"}"),
                subjectEvent(2, agent, omar, "{\"prompt\":\"" + marker + " for omar\"}"))));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT subject_pseudonym, content, content_encoding FROM audit_event WHERE agent_id = ?")) {
            query.setString(1, agent);
            try (ResultSet rows = query.executeQuery()) {
                int count = 0;
                while (rows.next()) {
                    count++;
                    assertTrue(rows.getString(1).startsWith("ps1_"), rows.getString(1));
                    assertFalse(rows.getString(1).contains("jane") || rows.getString(1).contains("omar"));
                    assertFalse(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1).contains(marker), "content is not in clear");
                    assertEquals("AES256_GCM_V1", rows.getString(3));
                }
                assertEquals(2, count);
            }
        }

        String janePseudonym = vault.pseudonymOf(jane);
        EventFilter janesEvents = new EventFilter(null, null, agent, null, janePseudonym);
        AuditEvent janesEvent = trail.chronological(janesEvents, 10).get(0);
        AuditEvent omarsEvent = trail.chronological(new EventFilter(null, null, agent, null, vault.pseudonymOf(omar)), 10).get(0);
        assertEquals(janePseudonym, janesEvent.subjectPseudonym());
        assertTrue(vault.readContent(janesEvent).orElseThrow().contains(marker + " for jane"));

        assertEquals(1, (int) inTransaction(() -> vault.destroyKeysOf(janePseudonym)));

        AuditEvent afterErasure = trail.chronological(janesEvents, 10).get(0);
        assertTrue(vault.readContent(afterErasure).isEmpty(), "jane's content is unreadable once her key is gone");
        assertTrue(vault.contentErased(afterErasure));
        assertEquals(1, trail.count(janesEvents), "the event itself stays in the trail");
        assertTrue(vault.readContent(omarsEvent).orElseThrow().contains(marker + " for omar"), "other subjects are untouched");

        // The key in use for jane was remembered by the first store; after her erasure it must not be used again.
        UUID destroyedKey = janesEvent.storedContent().orElseThrow().keyId();
        inTransaction(() -> ingestion.store(source.id(), 2L, List.of(subjectEvent(3, agent, jane, "{\"prompt\":\"" + marker + " after erasure\"}"))));
        AuditEvent later = trail.chronological(janesEvents, 10).stream().filter(e -> e.sourceEventId().equals("s-3")).findFirst().orElseThrow();
        assertFalse(destroyedKey.equals(later.storedContent().orElseThrow().keyId()), "a new event of an erased subject gets a new key");
        assertTrue(vault.readContent(later).orElseThrow().contains(marker + " after erasure"), "and stays readable");
    }

    @Test
    void aKeyCreatedInATransactionThatRollsBackIsNeverUsedAgain() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        String newcomer = "new-" + UUID.randomUUID();
        transaction.begin();
        try {
            ingestion.store(source.id(), 1L, List.of(subjectEvent(1, agent, newcomer, "{\"prompt\":\"first try\"}")));
        } finally {
            transaction.rollback();
        }

        inTransaction(() -> ingestion.store(source.id(), 2L, List.of(subjectEvent(1, agent, newcomer, "{\"prompt\":\"second try\"}"))));

        AuditEvent stored = trail.chronological(new EventFilter(null, null, agent, null, vault.pseudonymOf(newcomer)), 10).get(0);
        assertEquals("{\"prompt\":\"second try\"}", vault.readContent(stored).orElseThrow(),
                "sealed under a key that exists, not the one of the rolled-back transaction");
    }

    @Test
    void anEventWithoutContentOrSubjectReadsBack() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        AuditEventDraft bare = new AuditEventDraft("bare-1", Instant.parse("2026-09-03T10:00:00Z"), agent, null, null, null, null,
                null, null, "ping", null, null, null, null, null, null, null, null, null, null, null);
        inTransaction(() -> ingestion.store(source.id(), 1L, List.of(new IngestRecord.Event(new SourcePosition(1, 0), bare))));

        AuditEvent stored = trail.search(new EventFilter(null, null, agent, null), 0, 10).items().get(0);

        assertTrue(stored.storedContent().isEmpty());
        assertEquals(null, stored.subjectPseudonym());
        assertTrue(vault.readContent(stored).isEmpty());
    }

    @Test
    void changesDeletionsAndInsertionsMadeInTheDatabaseAreDetectedAndLocated() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        inTransaction(() -> ingestion.store(source.id(), 1L, List.of(
                event(1, "t-1", agent, "2026-09-04T10:00:00Z"), event(2, "t-2", agent, "2026-09-04T10:01:00Z"))));
        Checkpoint checkpoint = inTransaction(() -> log.seal());
        assertTrue(log.signatureValid(checkpoint));
        assertTrue(log.verify().ok(), "an untouched trail verifies: " + log.verify());

        AuditEvent target = trail.chronological(new EventFilter(null, null, agent, null), 10).get(0);
        long index = leafIndexOf(target.id());

        sql("UPDATE audit_event SET action = 'tampered' WHERE id = ?", target.id());
        VerificationReport changed = log.verify();
        assertFalse(changed.ok());
        assertEquals(List.of(index), changed.changed().first(), "the changed row is located: " + changed);
        sql("UPDATE audit_event SET action = 'crm.lookup' WHERE id = ?", target.id());
        assertTrue(log.verify().ok(), "restored");

        sql("CREATE TABLE tk_tamper_backup AS SELECT * FROM audit_event WHERE id = ?", target.id());
        sql("DELETE FROM audit_event WHERE id = ?", target.id());
        VerificationReport deleted = log.verify();
        assertFalse(deleted.ok());
        assertEquals(List.of(index), deleted.missing().first(), "the deleted row is located: " + deleted);
        sql("INSERT INTO audit_event SELECT * FROM tk_tamper_backup");
        sql("DROP TABLE tk_tamper_backup");
        assertTrue(log.verify().ok(), "restored");

        UUID forged = UUID.randomUUID();
        sql("CREATE TABLE tk_tamper_backup AS SELECT * FROM audit_event WHERE id = ?", target.id());
        sql("UPDATE tk_tamper_backup SET id = ?, source_event_id = 'forged'", forged);
        sql("INSERT INTO audit_event SELECT * FROM tk_tamper_backup");
        sql("DROP TABLE tk_tamper_backup");
        VerificationReport inserted = log.verify();
        assertFalse(inserted.ok());
        assertEquals(1, inserted.unexpected().count(), "the inserted row is reported: " + inserted);
        sql("DELETE FROM audit_event WHERE id = ?", forged);
        assertTrue(log.verify().ok(), "restored");
    }

    @Test
    void aSealReadsOnlyTheLeavesAppendedSinceTheLastCheckpointAndFallsBackToTheWholeLogWhenItsKeptRootsAreDamaged() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        inTransaction(() -> ingestion.store(source.id(), 1L, List.of(
                event(1, "s-1", agent, "2026-09-05T10:00:00Z"), event(2, "s-2", agent, "2026-09-05T10:01:00Z"))));
        Checkpoint first = inTransaction(() -> log.seal());
        assertArrayEquals(rootOfLeavesBelow(first.treeSize()), first.rootHash());
        assertTrue(first.subtreeRoots().isPresent(), "the checkpoint keeps its subtree roots");

        // A leaf sealed before, changed in the database: the next seal goes on from what was signed, so
        // the change is not signed into the new checkpoint (verification reports it).
        byte[] original = leafHashAt(0);
        byte[] changed = original.clone();
        changed[0] ^= 1;
        sql("UPDATE trail_log_leaf SET leaf_hash = ? WHERE leaf_index = 0", (Object) changed);
        try {
            inTransaction(() -> ingestion.store(source.id(), 1L, List.of(event(3, "s-3", agent, "2026-09-05T10:02:00Z"))));
            Checkpoint second = inTransaction(() -> log.seal());
            assertTrue(second.treeSize() > first.treeSize());
            assertFalse(Arrays.equals(rootOfLeavesBelow(second.treeSize()), second.rootHash()),
                    "the changed leaf was not read again");
        } finally {
            sql("UPDATE trail_log_leaf SET leaf_hash = ? WHERE leaf_index = 0", (Object) original);
        }
        Checkpoint second = log.latest().orElseThrow();
        assertArrayEquals(rootOfLeavesBelow(second.treeSize()), second.rootHash(), "with the leaf restored the roots agree");

        // Damaged kept roots no longer fold into the signed root: the seal reads the whole log instead.
        byte[] damaged = second.subtreeRoots().orElseThrow();
        damaged[damaged.length - 1] ^= 1;
        sql("UPDATE trail_checkpoint SET subtree_roots = ? WHERE tree_size = ?", damaged, second.treeSize());
        inTransaction(() -> ingestion.store(source.id(), 1L, List.of(event(4, "s-4", agent, "2026-09-05T10:03:00Z"))));
        Checkpoint third = inTransaction(() -> log.seal());
        assertTrue(third.treeSize() > second.treeSize());
        assertArrayEquals(rootOfLeavesBelow(third.treeSize()), third.rootHash());
        assertTrue(log.signatureValid(third));
        assertTrue(log.verify().ok(), "the log and its checkpoints verify: " + log.verify());
    }

    /** The RFC 6962 root of the recorded leaves below {@code size}, computed here from the table. */
    private byte[] rootOfLeavesBelow(long size) throws Exception {
        MerkleAccumulator tree = new MerkleAccumulator();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT leaf_hash FROM trail_log_leaf WHERE leaf_index < ? ORDER BY leaf_index")) {
            query.setLong(1, size);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tree.append(rows.getBytes(1));
                }
            }
        }
        assertEquals(size, tree.size(), "no leaf is missing");
        return tree.root();
    }

    private byte[] leafHashAt(long index) throws Exception {
        return InContainerDatabase.leafHashAt(dataSource, index);
    }

    private long leafIndexOf(UUID eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT leaf_index FROM trail_log_leaf WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "every stored event has a leaf");
                return row.getLong(1);
            }
        }
    }

    @Test
    void aQuarantinedLineIsKnownByAKeyedFingerprintAndOldPlainHashesAreReplaced() throws Exception {
        AuditSource source = ingestion.sourceNamed("fingerprint-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        byte[] line = "{\"user\":\"jane@example.com\",\"timestamp\":".getBytes(StandardCharsets.UTF_8);
        List<IngestRecord> records = List.of(new IngestRecord.Malformed(new SourcePosition(1, 0), "not valid JSON", line, line.length));
        String plainHash = java.util.HexFormat.of().formatHex(io.trailkeeper.platform.control.Sha256.of(line));
        String fingerprint = java.util.HexFormat.of().formatHex(vault.fingerprintOf(line));
        inTransaction(() -> ingestion.store(source.id(), 1L, records));

        assertEquals(List.of(fingerprint, "-"), identityOf(source), "a new row holds the keyed fingerprint and no plain hash");
        assertFalse(fingerprint.equals(plainHash));

        // A row as V9 left it: only the unkeyed hash. Start-up replaces it; this does what start-up does.
        sql("UPDATE quarantined_record SET raw_hmac = NULL, raw_sha256 = ? WHERE source_id = ?", plainHash, source.id());
        while (quarantine.replaceLegacyHashes(500) > 0) {
            // until no row is left with a plain hash
        }

        assertEquals(List.of(fingerprint, "-"), identityOf(source), "the plain hash is gone, the fingerprint recomputed");
        assertEquals(1, inTransaction(() -> ingestion.store(source.id(), 2L, records)).quarantined());
        assertEquals(1, quarantine.list(source.name(), false, 0, 10).size(), "re-reading the line adds no second entry");
    }

    @Test
    void idsOfLinesThatNameNoneAreKeyedUnlessTheSourceHeldUnkeyedOnesBefore() throws Exception {
        byte[] line = ("{\"timestamp\":\"2026-10-05T01:00:00Z\",\"agent_id\":\"line-ids-" + UUID.randomUUID()
                + "\",\"action\":\"crm.lookup\",\"user\":\"cust-77\"}").getBytes(StandardCharsets.UTF_8);

        AuditSource source = ingestion.sourceNamed("line-ids-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        LineDigest lineIds = ingestion.lineIdsOf(source.id());
        assertTrue(lineIds.isKeyed(), "a new source derives keyed ids");
        inTransaction(() -> ingestion.store(source.id(), 1L, eventsOf(lineIds, line)));
        String stored = storedIdOf(source);
        assertEquals(LineDigest.keyed(vault.lineIdKey()).of(line), stored);
        assertFalse(stored.contains(LineDigest.UNKEYED.of(line).substring("sha256:".length())),
                "the database holds nothing anyone can recompute from a guessed line");
        assertEquals(1, inTransaction(() -> ingestion.store(source.id(), 2L,
                eventsOf(ingestion.lineIdsOf(source.id()), line))).duplicates(), "reading the line again stores nothing new");

        // A source that held unkeyed ids before V16 keeps them, or its files would be stored a second time.
        AuditSource older = ingestion.sourceNamed("line-ids-older-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        sql("UPDATE audit_source SET line_ids_keyed = FALSE WHERE id = ?", older.id());
        LineDigest olderIds = ingestion.lineIdsOf(older.id());
        assertFalse(olderIds.isKeyed());
        inTransaction(() -> ingestion.store(older.id(), 3L, eventsOf(olderIds, line)));
        assertEquals(LineDigest.UNKEYED.of(line), storedIdOf(older));
    }

    @Test
    void theMigrationToKeyedLineIdsLeavesSourcesThatHeldUnkeyedOnesOnTheirScheme() throws Exception {
        byte[] line = ("{\"timestamp\":\"2026-10-05T02:00:00Z\",\"agent_id\":\"migration-" + UUID.randomUUID()
                + "\",\"action\":\"crm.lookup\"}").getBytes(StandardCharsets.UTF_8);
        AuditSource older = ingestion.sourceNamed("unkeyed-before-v16-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        inTransaction(() -> ingestion.store(older.id(), 1L, eventsOf(LineDigest.UNKEYED, line)));
        AuditSource withOwnIds = ingestion.sourceNamed("own-ids-before-v16-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        inTransaction(() -> ingestion.store(withOwnIds.id(), 2L, eventsOf(LineDigest.UNKEYED,
                ("{\"event_id\":\"e-1\"," + new String(line, StandardCharsets.UTF_8).substring(1)).getBytes(StandardCharsets.UTF_8))));

        // What V16 does to a database of before: every source starts keyed, then those holding unkeyed ids are set back.
        String migration;
        try (var sql = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("db/migration/common/V16__keyed_line_event_ids.sql")) {
            migration = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
        String update = migration.substring(migration.indexOf("UPDATE audit_source"), migration.lastIndexOf(';'));
        sql("UPDATE audit_source SET line_ids_keyed = TRUE WHERE id IN (?, ?)", older.id(), withOwnIds.id());
        sql(update);

        assertFalse(ingestion.lineIdsOf(older.id()).isKeyed(), "its re-imported lines must find their old ids");
        assertTrue(ingestion.lineIdsOf(withOwnIds.id()).isKeyed());
    }

    private static List<IngestRecord> eventsOf(LineDigest lineIds, byte[] line) {
        return LineFormat.forKind(SourceKind.JSONL_FILE, lineIds).apply(line).stream()
                .map(span -> (IngestRecord) new IngestRecord.Event(new SourcePosition(1, 0),
                        ((io.trailkeeper.ingest.entity.ParsedRecord.Accepted) span.parsed()).draft()))
                .toList();
    }

    private String storedIdOf(AuditSource source) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT source_event_id FROM audit_event WHERE source_id = ?")) {
            query.setObject(1, source.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                String id = row.getString(1);
                assertFalse(row.next());
                return id;
            }
        }
    }

    private List<String> identityOf(AuditSource source) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT raw_hmac, raw_sha256 FROM quarantined_record WHERE source_id = ?")) {
            query.setObject(1, source.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                List<String> identity = List.of(String.valueOf(row.getString(1)), row.getString(2) == null ? "-" : row.getString(2));
                assertFalse(row.next());
                return identity;
            }
        }
    }

    private void sql(String statement, Object... parameters) throws Exception {
        InContainerDatabase.sql(dataSource, statement, parameters);
    }

    @Test
    void storingNeedsTheCallersTransaction() {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        assertThrows(EJBException.class, () -> ingestion.store(source.id(), 1L, List.of()));
    }

    @Test
    void accountsVerifyPasswordsAndEnforceThePolicy() throws Exception {
        String name = "person-" + UUID.randomUUID().toString().substring(0, 8);
        inTransaction(() -> accounts.create(name, EnumSet.of(Role.AUDITOR), "correct horse battery".toCharArray(), false));

        assertTrue(accounts.verify(name, "correct horse battery".toCharArray()).isPresent());
        assertFalse(accounts.verify(name, "wrong horse battery".toCharArray()).isPresent());
        assertFalse(accounts.verify("nobody-" + name, "correct horse battery".toCharArray()).isPresent());
        assertEquals(EnumSet.of(Role.AUDITOR), accounts.verify(name, "correct horse battery".toCharArray()).get().roles());
        String hash = accounts.find(name).orElseThrow().passwordHash();
        assertTrue(hash.startsWith("pbkdf2-sha512$210000$"), hash);
        assertFalse(hash.contains("horse"));

        assertThrows(AccountRejected.class, () -> accounts.create("short-" + name, EnumSet.of(Role.AUDITOR), "short".toCharArray(), false));
        assertThrows(AccountRejected.class, () -> accounts.create(name, EnumSet.of(Role.AUDITOR), "another long password".toCharArray(), false));
    }

    @Test
    void idsLookedUpAheadOfAChunkAreReliedOnOnlyWhileNoOtherRunWroteToTheSource() throws Exception {
        AuditSource source = ingestion.sourceNamed("in-container-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        String at = "2026-09-05T10:00:00Z";
        RecentWrites thisRun = new RecentWrites();

        // Looked up ahead: neither id is stored yet. Then another upload to the same source stores e-1.
        Optional<StoredIdsLookup> ahead = ingestion.lookUpStoredIds(source.id(), List.of("e-1", "e-2"));
        inTransaction(() -> ingestion.store(source.id(), 1L, List.of(event(1, "e-1", agent, at)), new RecentWrites()));
        StoreOutcome outcome = inTransaction(() -> ingestion.store(source.id(), 2L,
                List.of(withLookup(event(1, "e-1", agent, at), ahead), withLookup(event(2, "e-2", agent, at), ahead)), thisRun));

        assertEquals(1, outcome.stored(), "the other run's write is seen: " + outcome);
        assertEquals(1, outcome.duplicates());
        assertEquals(2, trail.count(new EventFilter(null, null, agent, null)), "e-1 is stored once");

        // Looked up ahead of this run's own next chunk: what that chunk stored counts as stored.
        Optional<StoredIdsLookup> beforeOwnChunk = ingestion.lookUpStoredIds(source.id(), List.of("e-3", "e-4"));
        inTransaction(() -> ingestion.store(source.id(), 2L, List.of(event(3, "e-3", agent, at)), thisRun));
        StoreOutcome next = inTransaction(() -> ingestion.store(source.id(), 2L,
                List.of(withLookup(event(3, "e-3", agent, at), beforeOwnChunk), withLookup(event(4, "e-4", agent, at), beforeOwnChunk)),
                thisRun));

        assertEquals(1, next.stored(), next.toString());
        assertEquals(1, next.duplicates());
        assertEquals(4, trail.count(new EventFilter(null, null, agent, null)), "e-3 is stored once");
        if (schema.vendor() == DatabaseVendor.POSTGRESQL) {
            assertTrue(ahead.isPresent() && beforeOwnChunk.isPresent(), "PostgreSQL looks ids up ahead");
            assertEquals(Set.of(), ahead.get().storedIds());
        }
    }

    private static IngestRecord withLookup(IngestRecord record, Optional<StoredIdsLookup> lookup) {
        return lookup.map(found -> (IngestRecord) ((IngestRecord.Event) record).withLookup(found)).orElse(record);
    }

    private static IngestRecord subjectEvent(long line, String agent, String subject, String contentJson) {
        AuditEventDraft draft = new AuditEventDraft("s-" + line, Instant.parse("2026-09-02T10:00:00Z").plusSeconds(line), agent,
                null, null, null, null, subject, null, "crm.lookup", null, "success", null, null, null, null, null, null,
                null, null, contentJson);
        return new IngestRecord.Event(new SourcePosition(line, 0), draft);
    }

    private static IngestRecord event(long line, String id, String agent, String at) {
        AuditEventDraft draft = new AuditEventDraft(id, Instant.parse(at), agent, null, null, null, "eu-west-1",
                "cust-1", "s-1", "crm.lookup", "order/1", "success", null, Boolean.TRUE, "gpt-4o", 10L, 5L, 800L,
                null, null, "{\"prompt\":\"hello\"}");
        return new IngestRecord.Event(new SourcePosition(line, (line - 1) * 100), draft);
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        return InContainerDatabase.inTransaction(transaction, work);
    }

    @Test
    void theScheduleReadsWhenASourceWasLastPulled() throws InterruptedException {
        // On PostgreSQL an aggregate over this column once came back as a raw java.sql.Timestamp and broke
        // every scheduled pull as soon as one source had been pulled by hand.
        var source = sources.add(new io.trailkeeper.source.entity.SourceDefinition("last-pulled-" + UUID.randomUUID(),
                io.trailkeeper.trail.entity.SourceKind.LANGFUSE_API, null, false, null, null, "http://localhost:9",
                "trailkeeper.source-keys.test.public-key", "trailkeeper.source-keys.test.secret-key", 100), "in-container-test");
        UUID manual = pullHistory.opened(new io.trailkeeper.source.entity.NewPull(source.id(), "langfuse-pull", UUID.randomUUID(),
                io.trailkeeper.source.entity.PullTrigger.MANUAL, null, "officer", "pageSize=100\n", null));
        Thread.sleep(20); // two distinct instants, so "the latest" has one answer
        UUID upload = pullHistory.opened(new io.trailkeeper.source.entity.NewPull(source.id(), "langfuse-pull", UUID.randomUUID(),
                io.trailkeeper.source.entity.PullTrigger.UPLOAD, "f.jsonl", "officer", "pageSize=100\n", null));
        Instant earlier = pullHistory.find(manual).orElseThrow().startedAt();
        Instant later = pullHistory.find(upload).orElseThrow().startedAt();

        assertEquals(Optional.of(earlier), sources.lastPulledAt(source.id(),
                java.util.EnumSet.of(io.trailkeeper.source.entity.PullTrigger.SCHEDULE, io.trailkeeper.source.entity.PullTrigger.MANUAL)));
        assertEquals(Optional.of(later), sources.lastPulledAt(source.id(), java.util.EnumSet.allOf(io.trailkeeper.source.entity.PullTrigger.class)));
        assertEquals(Optional.empty(), sources.lastPulledAt(source.id(), java.util.EnumSet.of(io.trailkeeper.source.entity.PullTrigger.SCHEDULE)));
        // Never handed to the batch runtime: ended here, or the next start of the application would continue them.
        for (UUID pull : List.of(manual, upload)) {
            pullHistory.ended(pull, io.trailkeeper.source.entity.PullState.COMPLETED, null, io.trailkeeper.source.entity.PullCounts.NONE);
        }
    }
}
