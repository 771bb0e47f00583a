package io.trailkeeper.integrity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.entity.LogLeaf;
import io.trailkeeper.trail.entity.DeletionGround;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event and deletion leaves against the leaf table the migrations build (H2, as embedded in Payara). */
class LeafRowsTest {

    private static final Instant APPENDED = Instant.parse("2026-12-01T09:15:00.250Z");

    private Connection connection;
    private final UUID event = UUID.randomUUID();

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:leaf-rows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure(getClass().getClassLoader()).dataSource(url, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        connection = DriverManager.getConnection(url);
        LeafRows.insert(connection, List.of(new LogLeaf(0, event, hash(0), APPENDED), new LogLeaf(1, UUID.randomUUID(), hash(1), APPENDED)));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void anEventLeafIsOfKindEventAndCarriesNoDeletionDetails() throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM trail_log_leaf WHERE leaf_index = 0")) {
            assertTrue(row.next());
            assertEquals("EVENT", row.getString("kind"));
            assertEquals("EVENT_FIELDS", row.getString("leaf_layout"), "the layout every event leaf is hashed in");
            assertNull(row.getObject("deletes_leaf_index"));
            assertNull(row.getString("deletion_ground"));
            assertNull(row.getString("requested_by"));
        }
    }

    @Test
    void aDeletionLeafSaysWhichLeafItDeletesOnWhatGroundAndWhoAsked() throws SQLException {
        LeafRows.insertDeletions(connection, List.of(deletion(2, 0, DeletionGround.RETENTION_PERIOD_EXPIRED)));

        try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM trail_log_leaf WHERE leaf_index = 2")) {
            assertTrue(row.next());
            assertEquals(event, row.getObject("event_id", UUID.class), "the same event id as the leaf it deletes");
            assertArrayEquals(hash(2), row.getBytes("leaf_hash"));
            assertEquals(APPENDED, row.getObject("appended_at", OffsetDateTime.class).toInstant());
            assertEquals("DELETION", row.getString("kind"));
            assertEquals("DELETION_RECORD", row.getString("leaf_layout"), "hashed over its ground and requester too");
            assertEquals(0L, row.getLong("deletes_leaf_index"));
            assertEquals("RETENTION_PERIOD_EXPIRED", row.getString("deletion_ground"));
            assertEquals("retention job", row.getString("requested_by"));
            assertFalse(row.next());
        }
    }

    @Test
    void anEventIsDeletedAtMostOnceAndOnlyAfterItsLeaf() throws SQLException {
        LeafRows.insertDeletions(connection, List.of(deletion(2, 0, DeletionGround.ERASURE_REQUEST)));

        assertThrows(SQLException.class, () -> LeafRows.insertDeletions(connection, List.of(deletion(3, 0, DeletionGround.ERASURE_REQUEST))),
                "one deletion per event");
        UUID another = UUID.randomUUID();
        insert(eventRow(4, another));
        assertThrows(SQLException.class, () -> insert(eventRow(5, event)), "one event leaf per event");
        assertThrows(SQLException.class, () -> insert(deletionRow(6, another, 7, "'ERASURE_REQUEST'")), "a deletion follows the leaf it deletes");
        assertThrows(SQLException.class, () -> insert(deletionRow(6, another, 4, "NULL")), "a deletion names its ground");
        insert(deletionRow(6, another, 4, "'ERASURE_REQUEST'"));
    }

    @Test
    void onlyADeletionIsHashedAsADeletionRecord() throws SQLException {
        insert(eventRow(4, UUID.randomUUID()));

        assertThrows(SQLException.class, () -> insert("UPDATE trail_log_leaf SET leaf_layout = 'DELETION_RECORD' WHERE leaf_index = 4"));
        assertThrows(SQLException.class, () -> insert("UPDATE trail_log_leaf SET leaf_layout = 'D' WHERE leaf_index = 4"));
    }

    @Test
    void deletionLeavesWrittenUnderV11KeepTheLayoutTheirHashWasComputedOver() throws SQLException {
        String url = "jdbc:h2:mem:leaf-rows-v11-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway v11 = Flyway.configure(getClass().getClassLoader()).dataSource(url, "", "").target("11")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
        v11.migrate();
        try (Connection before = DriverManager.getConnection(url)) {
            before.createStatement().executeUpdate(eventRow(0, event));
            before.createStatement().executeUpdate(deletionRow(1, event, 0, "'ERASURE_REQUEST'"));
        }

        Flyway.configure(getClass().getClassLoader()).dataSource(url, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();

        try (Connection after = DriverManager.getConnection(url);
             ResultSet rows = after.createStatement().executeQuery("SELECT kind, leaf_layout FROM trail_log_leaf ORDER BY leaf_index")) {
            assertTrue(rows.next());
            assertEquals(List.of("EVENT", "EVENT_FIELDS"), List.of(rows.getString(1), rows.getString(2)));
            assertTrue(rows.next());
            assertEquals(List.of("DELETION", "EVENT_FIELDS"), List.of(rows.getString(1), rows.getString(2)),
                    "V11 hashed the deleted event's fields under kind DELETION, in the event layout");
            assertFalse(rows.next());
        }
    }

    @Test
    void onlyDeletionsGoThroughTheDeletionInsert() {
        assertThrows(IllegalArgumentException.class,
                () -> LeafRows.insertDeletions(connection, List.of(new LogLeaf(2, event, hash(2), APPENDED))));
    }

    private LogLeaf deletion(long index, long deletes, DeletionGround ground) {
        return LogLeaf.deletion(index, event, hash(index), APPENDED, deletes, ground, "retention job");
    }

    private static String eventRow(long index, UUID id) {
        return "INSERT INTO trail_log_leaf (leaf_index, event_id, leaf_hash, appended_at) VALUES (" + index + ", '" + id
                + "', X'00', CURRENT_TIMESTAMP)";
    }

    private static String deletionRow(long index, UUID id, long deletes, String ground) {
        return "INSERT INTO trail_log_leaf (leaf_index, event_id, leaf_hash, appended_at, kind, deletes_leaf_index, deletion_ground, "
                + "requested_by) VALUES (" + index + ", '" + id + "', X'00', CURRENT_TIMESTAMP, 'DELETION', " + deletes + ", " + ground
                + ", 'a job')";
    }

    private void insert(String sql) throws SQLException {
        connection.createStatement().executeUpdate(sql);
    }

    private static byte[] hash(long seed) {
        return Rfc6962ReferenceTree.syntheticLeaf(seed);
    }
}
