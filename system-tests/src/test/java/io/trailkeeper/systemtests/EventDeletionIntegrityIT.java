package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.integrity.control.ConsistencyProof;
import io.trailkeeper.integrity.control.InclusionProof;
import io.trailkeeper.integrity.control.VerificationReport;
import io.trailkeeper.integrity.entity.Checkpoint;
import io.trailkeeper.platform.boundary.SchemaMigration;
import io.trailkeeper.trail.boundary.EventDeletion;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.DeletionGround;
import io.trailkeeper.trail.entity.DeletionRefused;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deletions by retention (GDPR Art. 5(1)(e)) or erasure (GDPR Art. 17) are recorded in the log, so
 * verification accounts for them, while rows deleted or log leaves altered with plain SQL are still
 * found and located. Every tampering is undone before a test ends: the suite shares one database.
 */
@ExtendWith(ArquillianExtension.class)
class EventDeletionIntegrityIT {

    @Deployment
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.withTestsInside(EventDeletionIntegrityIT.class);
    }

    @EJB
    TrailIngestion ingestion;

    @EJB
    TrailQueries trail;

    @EJB
    EventDeletion deletion;

    @EJB
    TrailLog log;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    UserTransaction transaction;

    @Test
    void deletionsThroughTheServiceAreAccountedForAndARowDeletedBySqlIsStillLocated() throws Exception {
        List<AuditEvent> events = store(6);
        List<Long> indexes = new ArrayList<>();
        for (AuditEvent event : events) {
            indexes.add(leafIndexOf(event.id()));
        }
        Checkpoint before = inTransaction(() -> log.seal());
        VerificationReport untouched = log.verify();
        assertTrue(untouched.ok(), "an untouched trail verifies: " + untouched);
        long accountedBefore = untouched.deletionsAccountedFor();

        List<TrailLog.RecordedDeletion> retention = deletion.delete(List.of(events.get(1).id(), events.get(0).id()),
                DeletionGround.RETENTION_PERIOD_EXPIRED, "retention job");
        List<TrailLog.RecordedDeletion> erasure = deletion.delete(List.of(events.get(2).id()), DeletionGround.ERASURE_REQUEST,
                "officer-" + UUID.randomUUID().toString().substring(0, 8));

        assertEquals(List.of(events.get(0).id(), events.get(1).id()), retention.stream().map(TrailLog.RecordedDeletion::eventId).toList(),
                "deletion leaves follow the order of the events' own leaves");
        assertEquals(List.of(indexes.get(0), indexes.get(1)), retention.stream().map(TrailLog.RecordedDeletion::eventLeafIndex).toList());
        assertEquals(List.of(before.treeSize(), before.treeSize() + 1, before.treeSize() + 2),
                List.of(retention.get(0).deletionLeafIndex(), retention.get(1).deletionLeafIndex(), erasure.get(0).deletionLeafIndex()),
                "deletion leaves are appended after the sealed ones, dense and in order");
        assertEquals(List.of("DELETION", events.get(2).id().toString(), String.valueOf(indexes.get(2)), "ERASURE_REQUEST",
                "DELETION_RECORD"), leafRow(erasure.get(0).deletionLeafIndex()));
        for (int i = 0; i < 3; i++) {
            assertTrue(trail.find(events.get(i).id()).isEmpty(), "deleted from the trail: event " + i);
        }
        Checkpoint after = inTransaction(() -> log.seal());
        assertEquals(before.treeSize() + 3, after.treeSize());

        VerificationReport verified = log.verify();
        assertTrue(verified.ok(), "recorded deletions are not tampering: " + verified);
        assertEquals(accountedBefore + 3, verified.deletionsAccountedFor());
        assertTrue(verified.missing().isEmpty());
        assertTrue(verified.checkpoints().stream().allMatch(c -> c.status() == VerificationReport.Status.MATCHES), verified.toString());
        TrailLog.RangeVerification ours = log.verify(indexes.get(0), indexes.get(5) + 1);
        assertTrue(ours.report().ok(), ours.toString());
        assertEquals(3, ours.report().deletionsAccountedFor(), "the range of the six events holds the three deleted ones");
        assertTrue(log.verify(before.treeSize(), null).report().ok(), "the deletion leaves themselves verify");
        JsonObject rest = restVerification("");
        assertTrue(rest.getBoolean("ok"), rest.toString());
        assertEquals(accountedBefore + 3, rest.getJsonNumber("deletionsAccountedFor").longValue(), "/api/integrity/verification: " + rest);

        // Leaves are never removed: the old checkpoint is still a prefix of the new one, the deleted event still in both.
        TrailLog.Consistency consistency = log.consistency(before.treeSize(), after.treeSize()).orElseThrow();
        assertTrue(ConsistencyProof.verify(before.treeSize(), after.treeSize(), before.rootHash(), after.rootHash(), consistency.proof()));
        TrailLog.Inclusion inclusion = log.inclusion(events.get(0).id(), after.treeSize()).orElseThrow();
        assertEquals((long) indexes.get(0), inclusion.leafIndex());
        assertTrue(InclusionProof.verify(inclusion.leafIndex(), inclusion.treeSize(), inclusion.leafHash(), inclusion.path(),
                after.rootHash()));

        // A refused deletion deletes nothing, not even the events that could have been deleted.
        DeletionRefused twice = assertThrows(DeletionRefused.class,
                () -> deletion.delete(List.of(events.get(3).id(), events.get(0).id()), DeletionGround.ERASURE_REQUEST, "officer"));
        assertTrue(twice.getMessage().contains("already deleted") && twice.getMessage().contains(events.get(0).id().toString()),
                twice.getMessage());
        UUID unknown = UUID.randomUUID();
        DeletionRefused notStored = assertThrows(DeletionRefused.class,
                () -> deletion.delete(List.of(events.get(3).id(), unknown), DeletionGround.RETENTION_PERIOD_EXPIRED, "retention job"));
        assertTrue(notStored.getMessage().contains("not stored") && notStored.getMessage().contains(unknown.toString()),
                notStored.getMessage());
        assertTrue(trail.find(events.get(3).id()).isPresent(), "nothing half-done");
        assertEquals(after.treeSize(), inTransaction(() -> log.seal()).treeSize(), "no leaf was appended");

        // A row deleted behind Trailkeeper's back is still missing, at exactly its index.
        UUID target = events.get(3).id();
        sql("CREATE TABLE tk_deletion_backup AS SELECT * FROM audit_event WHERE id = ?", target);
        try {
            sql("DELETE FROM audit_event WHERE id = ?", target);
            VerificationReport tampered = log.verify();
            assertFalse(tampered.ok());
            assertEquals(List.of(indexes.get(3)), tampered.missing().first(), "the row deleted by SQL is located: " + tampered);
            assertEquals(accountedBefore + 3, tampered.deletionsAccountedFor());
            assertTrue(tampered.changed().isEmpty() && tampered.unexpected().isEmpty() && tampered.recordedGaps().isEmpty(),
                    tampered.toString());
            assertEquals(List.of(indexes.get(3)), log.verify(indexes.get(0), indexes.get(5) + 1).report().missing().first());
            JsonObject restRange = restVerification("?from=" + indexes.get(0) + "&to=" + (indexes.get(5) + 1));
            assertFalse(restRange.getBoolean("ok"), restRange.toString());
            assertEquals(List.of(indexes.get(3)), restRange.getJsonObject("missing").getJsonArray("first").getValuesAs(JsonNumber.class)
                    .stream().map(JsonNumber::longValue).toList(), "/api/integrity/verification: " + restRange);
            assertEquals(3, restRange.getJsonNumber("deletionsAccountedFor").longValue(), restRange.toString());
        } finally {
            sql("INSERT INTO audit_event SELECT * FROM tk_deletion_backup");
            sql("DROP TABLE tk_deletion_backup");
        }
        assertTrue(log.verify().ok(), "restored");
    }

    @Test
    void aDeletionLeafAlteredRedirectedOrRemovedBySqlIsDetected() throws Exception {
        List<AuditEvent> events = store(2);
        long deletedIndex = leafIndexOf(events.get(0).id());
        long otherIndex = leafIndexOf(events.get(1).id());
        long leaf = deletion.delete(List.of(events.get(0).id()), DeletionGround.ERASURE_REQUEST, "officer").get(0).deletionLeafIndex();
        Checkpoint sealed = inTransaction(() -> log.seal());
        assertTrue(log.verify().ok());

        byte[] hash = leafHashAt(leaf);
        byte[] forged = hash.clone();
        forged[0] ^= 1;
        sql("UPDATE trail_log_leaf SET leaf_hash = ? WHERE leaf_index = ?", forged, leaf);
        try {
            VerificationReport altered = log.verify();
            assertFalse(altered.ok());
            assertEquals(VerificationReport.Status.DIFFERS, statusOf(altered, sealed.treeSize()),
                    "the checkpoint that sealed the deletion no longer matches: " + altered);
        } finally {
            sql("UPDATE trail_log_leaf SET leaf_hash = ? WHERE leaf_index = ?", hash, leaf);
        }

        // Pointing the deletion at another event cannot hide a second deletion: both ends show.
        sql("UPDATE trail_log_leaf SET deletes_leaf_index = ? WHERE leaf_index = ?", otherIndex, leaf);
        try {
            VerificationReport redirected = log.verify();
            assertFalse(redirected.ok());
            assertEquals(List.of(leaf), redirected.changed().first(), "the deletion leaf no longer names its event: " + redirected);
            assertEquals(List.of(deletedIndex), redirected.missing().first(), "its event is missing again: " + redirected);
        } finally {
            sql("UPDATE trail_log_leaf SET deletes_leaf_index = ? WHERE leaf_index = ?", deletedIndex, leaf);
        }

        sql("CREATE TABLE tk_leaf_backup AS SELECT * FROM trail_log_leaf WHERE leaf_index = ?", leaf);
        try {
            sql("DELETE FROM trail_log_leaf WHERE leaf_index = ?", leaf);
            VerificationReport removed = log.verify();
            assertFalse(removed.ok());
            assertEquals(List.of(leaf), removed.recordedGaps().first(), "the hole in the log is located: " + removed);
            assertEquals(List.of(deletedIndex), removed.missing().first(), "without its deletion leaf the event is missing: " + removed);
            assertEquals(VerificationReport.Status.DIFFERS, statusOf(removed, sealed.treeSize()));
        } finally {
            sql("INSERT INTO trail_log_leaf SELECT * FROM tk_leaf_backup");
            sql("DROP TABLE tk_leaf_backup");
        }
        assertTrue(log.verify().ok(), "restored");
    }

    @Test
    void aGroundChangedBySqlIsDetectedAndLocatedAtTheDeletionLeaf() throws Exception {
        RecordedErasure erasure = recordErasure();

        // An erasure at a data subject's request (GDPR Art. 17) passed off as a retention expiry (GDPR Art. 5(1)(e)).
        assertLocatedWhenAltered(erasure, "deletion_ground", DeletionGround.RETENTION_PERIOD_EXPIRED.name(),
                DeletionGround.ERASURE_REQUEST.name());
        // And a word that names no ground at all: still a changed leaf, not a verification that cannot read the row.
        assertLocatedWhenAltered(erasure, "deletion_ground", "LEGITIMATE_INTEREST", DeletionGround.ERASURE_REQUEST.name());
    }

    @Test
    void aRequesterChangedBySqlIsDetectedAndLocatedAtTheDeletionLeaf() throws Exception {
        RecordedErasure erasure = recordErasure();

        // Who asked for an erasure is part of the record an auditor relies on (GDPR Art. 5(2), accountability).
        assertLocatedWhenAltered(erasure, "requested_by", "retention job", erasure.requestedBy());
    }

    @Test
    void aDeletionRelabelledBySqlAsWrittenBeforeGroundsWereSealedIsStillChecked() throws Exception {
        // Deletion leaves written under V11 did not seal ground and requester and are taken as recorded. A newer one
        // relabelled as such must not escape being recomputed: after the log's first sealed deletion none can be genuine.
        recordErasure();
        RecordedErasure later = recordErasure();

        sql("UPDATE trail_log_leaf SET leaf_layout = 'EVENT_FIELDS', deletion_ground = ? WHERE leaf_index = ?",
                DeletionGround.RETENTION_PERIOD_EXPIRED.name(), later.leaf());
        try {
            VerificationReport relabelled = log.verify();
            assertFalse(relabelled.ok());
            assertEquals(List.of(later.leaf()), relabelled.changed().first(), "located at the relabelled deletion: " + relabelled);
            assertEquals(List.of(later.leaf()), log.verify(later.deletedIndex(), later.leaf() + 1).report().changed().first());
        } finally {
            sql("UPDATE trail_log_leaf SET leaf_layout = 'DELETION_RECORD', deletion_ground = ? WHERE leaf_index = ?",
                    DeletionGround.ERASURE_REQUEST.name(), later.leaf());
        }
        assertTrue(log.verify().ok(), "restored");
    }

    /** One event erased through EventDeletion and sealed: its event leaf, its deletion leaf and who asked. */
    private record RecordedErasure(long deletedIndex, long leaf, String requestedBy) {
    }

    private RecordedErasure recordErasure() throws Exception {
        List<AuditEvent> events = store(2);
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        TrailLog.RecordedDeletion recorded = deletion.delete(List.of(events.get(0).id()), DeletionGround.ERASURE_REQUEST, officer).get(0);
        inTransaction(() -> log.seal());
        VerificationReport sealed = log.verify();
        assertTrue(sealed.ok(), "recorded and sealed: " + sealed);
        return new RecordedErasure(recorded.eventLeafIndex(), recorded.deletionLeafIndex(), officer);
    }

    /**
     * Sets one column of the deletion leaf's row with SQL, and checks that whole and range verification, in
     * process and through /api/integrity/verification, report that leaf changed and nothing else; then restores it.
     */
    private void assertLocatedWhenAltered(RecordedErasure erasure, String column, String altered, String original) throws Exception {
        long leaf = erasure.leaf();
        sql("UPDATE trail_log_leaf SET " + column + " = ? WHERE leaf_index = ?", altered, leaf);
        try {
            VerificationReport whole = log.verify();
            assertFalse(whole.ok(), column + " altered");
            assertEquals(List.of(leaf), whole.changed().first(), column + " altered, located at the deletion leaf: " + whole);
            assertEquals(OptionalLong.of(leaf), whole.firstMismatch());
            assertTrue(whole.missing().isEmpty() && whole.unexpected().isEmpty() && whole.recordedGaps().isEmpty(),
                    "the event is still deleted, only the record of it was altered: " + whole);
            assertTrue(whole.checkpoints().stream().allMatch(c -> c.status() == VerificationReport.Status.MATCHES),
                    "the recorded leaf is intact, its row is what changed: " + whole);

            VerificationReport range = log.verify(erasure.deletedIndex(), leaf + 1).report();
            assertFalse(range.ok());
            assertEquals(List.of(leaf), range.changed().first(), "range: " + range);

            JsonObject rest = restVerification("");
            assertFalse(rest.getBoolean("ok"), rest.toString());
            assertEquals(List.of(leaf), indexes(rest, "changed"), "/api/integrity/verification: " + rest);
            assertEquals(leaf, rest.getJsonNumber("firstMismatch").longValue(), rest.toString());
            JsonObject restRange = restVerification("?from=" + leaf + "&to=" + (leaf + 1));
            assertEquals(List.of(leaf), indexes(restRange, "changed"), "/api/integrity/verification: " + restRange);
        } finally {
            sql("UPDATE trail_log_leaf SET " + column + " = ? WHERE leaf_index = ?", original, leaf);
        }
        assertTrue(log.verify().ok(), "restored");
    }

    private static List<Long> indexes(JsonObject verification, String finding) {
        return verification.getJsonObject(finding).getJsonArray("first").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue).toList();
    }

    private List<AuditEvent> store(int count) throws Exception {
        AuditSource source = ingestion.sourceNamed("deletion-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        String agent = "agent-" + UUID.randomUUID();
        List<IngestRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEventDraft draft = new AuditEventDraft("d-" + i, Instant.parse("2026-09-05T10:00:00Z").plusSeconds(i), agent, null, null,
                    null, "eu-west-1", "cust-" + i, "s-1", "crm.lookup", "order/" + i, "success", null, Boolean.TRUE, "gpt-4o", 10L, 5L,
                    800L, null, null, "{\"prompt\":\"hello " + i + "\"}");
            records.add(new IngestRecord.Event(new SourcePosition(i + 1, i * 100L), draft));
        }
        inTransaction(() -> ingestion.store(source.id(), 1L, records));
        List<AuditEvent> stored = new ArrayList<>(trail.chronological(new EventFilter(null, null, agent, null), count));
        assertEquals(count, stored.size());
        // In the order of their leaves, which are contiguous: tests in this suite run one at a time.
        Comparator<AuditEvent> byLeaf = Comparator.comparingLong(e -> {
            try {
                return leafIndexOf(e.id());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        stored.sort(byLeaf);
        return stored;
    }

    /** GET /api/integrity/verification as the administrator the suite's server was started with. */
    private static JsonObject restVerification(String query) throws Exception {
        String credentials = "admin:" + System.getenv("TRAILKEEPER_ADMIN_PASSWORD");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:8080/api/integrity/verification" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static VerificationReport.Status statusOf(VerificationReport report, long treeSize) {
        return report.checkpoints().stream().filter(c -> c.sealed().treeSize() == treeSize).findFirst().orElseThrow().status();
    }

    private long leafIndexOf(UUID eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT leaf_index FROM trail_log_leaf WHERE event_id = ? AND kind = 'EVENT'")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "every stored event has a leaf");
                return row.getLong(1);
            }
        }
    }

    private byte[] leafHashAt(long index) throws Exception {
        return InContainerDatabase.leafHashAt(dataSource, index);
    }

    /** Kind, event id, deleted leaf index, ground and layout of the leaf row at {@code index}. */
    private List<String> leafRow(long index) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT kind, event_id, deletes_leaf_index, deletion_ground, requested_by, leaf_layout FROM trail_log_leaf "
                             + "WHERE leaf_index = ?")) {
            query.setLong(1, index);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getString(5).startsWith("officer-"), "who asked is recorded");
                return List.of(row.getString(1), row.getObject(2, UUID.class).toString(), String.valueOf(row.getLong(3)), row.getString(4),
                        row.getString(6));
            }
        }
    }

    private void sql(String statement, Object... parameters) throws Exception {
        InContainerDatabase.sql(dataSource, statement, parameters);
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        return InContainerDatabase.inTransaction(transaction, work);
    }
}
