package io.trailkeeper.trail.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.control.LeafRows;
import io.trailkeeper.integrity.entity.LogLeaf;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.ContentEncoding;
import io.trailkeeper.trail.entity.MaskingCounts;
import io.trailkeeper.trail.entity.SourceKind;
import io.trailkeeper.trail.entity.StoredContent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

/** The batch writers against the schema the migrations build (H2, as embedded in Payara). */
class EventRowsTest {

    private static final Instant OCCURRED = Instant.parse("2026-11-07T08:31:22.123Z");
    private static final Instant INGESTED = Instant.parse("2026-11-21T22:00:00.456Z");

    private Connection connection;
    private AuditSource source;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:event-rows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure(getClass().getClassLoader()).dataSource(url, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        connection = DriverManager.getConnection(url);
        source = new AuditSource("support-bot-prod", SourceKind.JSONL_FILE, null, INGESTED);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_source (id, name, kind, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, source.id());
            insert.setString(2, source.name());
            insert.setString(3, source.kind().name());
            insert.setObject(4, OffsetDateTime.parse("2026-11-21T22:00:00Z"));
            insert.executeUpdate();
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void every_mapped_column_is_stored_and_absent_values_stay_null() throws SQLException {
        UUID keyId = UUID.randomUUID();
        AuditEvent full = new AuditEvent(UUID.randomUUID(), source, new AuditEventDraft("evt-1", OCCURRED, "support-assistant",
                "Support Assistant", "3.2.0", "support-prod-eu", "eu-west-1", "cust-1", "s-fa4f32", "refund.issue", "order/8812",
                "success", "customer asked", true, "gpt-4o", 812L, 95L, 1430L, "none", "order", "{\"prompt\":\"x\"}"),
                "pseudonym-1", new StoredContent(new byte[] {1, 2, 3}, ContentEncoding.AES256_GCM_V1, keyId),
                new MaskingCounts(1, 2, 3, 4, 5), 42L, INGESTED);
        AuditEvent bare = new AuditEvent(UUID.randomUUID(), source, new AuditEventDraft("evt-2", OCCURRED, "support-assistant",
                null, null, null, null, null, null, "crm.lookup", null, null, null, null, null, null, null, null, null, null, null),
                null, null, MaskingCounts.NONE, null, INGESTED);

        EventRows.insert(connection, List.of(full, bare));

        try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM audit_event WHERE source_event_id = 'evt-1'")) {
            assertTrue(row.next());
            assertEquals(full.id(), row.getObject("id", UUID.class));
            assertEquals(OCCURRED, row.getObject("occurred_at", OffsetDateTime.class).toInstant());
            assertEquals(INGESTED, row.getObject("ingested_at", OffsetDateTime.class).toInstant());
            assertEquals(source.id(), row.getObject("source_id", UUID.class));
            assertEquals(42L, row.getLong("import_execution_id"));
            assertEquals("Support Assistant", row.getString("agent_name"));
            assertEquals("pseudonym-1", row.getString("subject_pseudonym"));
            assertEquals("refund.issue", row.getString("action"));
            assertEquals("order/8812", row.getString("target"));
            assertEquals("success", row.getString("result"));
            assertTrue(row.getBoolean("human_confirmed"));
            assertEquals(1430L, row.getLong("latency_ms"));
            assertEquals("order", row.getString("data_category"));
            assertArrayEquals(new byte[] {1, 2, 3}, row.getBytes("content"));
            assertEquals("AES256_GCM_V1", row.getString("content_encoding"));
            assertEquals(keyId, row.getObject("content_key_id", UUID.class));
            assertEquals(List.of(1, 2, 3, 4, 5), List.of(row.getInt("masked_secrets"), row.getInt("masked_payment_cards"),
                    row.getInt("masked_us_ssns"), row.getInt("masked_emails"), row.getInt("masked_phones")));
        }
        try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM audit_event WHERE source_event_id = 'evt-2'")) {
            assertTrue(row.next());
            assertNull(row.getObject("import_execution_id"));
            assertNull(row.getObject("human_confirmed"));
            assertNull(row.getObject("latency_ms"));
            assertNull(row.getBytes("content"));
            assertNull(row.getObject("content_key_id"));
            assertEquals(0, row.getInt("masked_emails"));
            assertFalse(row.next());
        }
    }

    @Test
    void leaves_are_stored_with_their_index_hash_and_time() throws SQLException {
        UUID event = UUID.randomUUID();
        byte[] hash = new byte[32];
        hash[0] = 7;
        LeafRows.insert(connection, List.of(new LogLeaf(0, event, hash, INGESTED)));

        try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM trail_log_leaf")) {
            assertTrue(row.next());
            assertEquals(0L, row.getLong("leaf_index"));
            assertEquals(event, row.getObject("event_id", UUID.class));
            assertArrayEquals(hash, row.getBytes("leaf_hash"));
            assertEquals(INGESTED, row.getObject("appended_at", OffsetDateTime.class).toInstant());
            assertFalse(row.next());
        }
    }

    @Test
    void an_event_id_the_source_already_has_at_that_time_is_refused_not_stored_twice() throws SQLException {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), source, new AuditEventDraft("evt-1", OCCURRED, "a", null, null, null,
                null, null, null, "crm.lookup", null, null, null, null, null, null, null, null, null, null, null),
                null, null, MaskingCounts.NONE, null, INGESTED);
        EventRows.insert(connection, List.of(event));
        AuditEvent again = new AuditEvent(UUID.randomUUID(), source, new AuditEventDraft("evt-1", OCCURRED, "a", null, null, null,
                null, null, null, "crm.lookup", null, null, null, null, null, null, null, null, null, null, null),
                null, null, MaskingCounts.NONE, null, INGESTED);

        // Refused loudly: an import that silently dropped the row would count it as stored.
        SQLException refused = assertThrows(SQLException.class, () -> EventRows.insert(connection, List.of(again)));
        assertEquals("23505", refused.getSQLState(), "a unique constraint violation, not some other failure: " + refused);

        try (ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM audit_event")) {
            assertTrue(rows.next());
            assertEquals(event.id(), rows.getObject("id", UUID.class), "the first event is the one kept");
            assertFalse(rows.next(), "exactly one row");
        }
    }
}
