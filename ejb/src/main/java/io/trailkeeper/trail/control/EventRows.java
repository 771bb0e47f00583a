package io.trailkeeper.trail.control;

import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.MaskingCounts;
import io.trailkeeper.trail.entity.StoredContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Inserts new audit events as one JDBC batch on the transaction's connection. Imports store
 * millions of events that nothing reads back in the same transaction; sending them past the
 * persistence context saves the per-entity bookkeeping (change sets, row building) that cost more
 * than the database's own work. Columns as mapped by {@link AuditEvent}; times in UTC like
 * {@code UtcInstantConverter}.
 */
public final class EventRows {

    static final String INSERT = "INSERT INTO audit_event (id, occurred_at, ingested_at, source_id, source_event_id, "
            + "import_execution_id, agent_id, agent_name, agent_version, deployment, region, subject_pseudonym, session_id, "
            + "action, target, result, reason, human_confirmed, model, input_tokens, output_tokens, latency_ms, error, "
            + "data_category, content, content_encoding, content_key_id, masked_secrets, masked_payment_cards, masked_us_ssns, "
            + "masked_emails, masked_phones) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private EventRows() {
    }

    public static void insert(Connection connection, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditEvent e : events) {
                int i = 1;
                insert.setObject(i++, e.id());
                insert.setObject(i++, utc(e.occurredAt()));
                insert.setObject(i++, utc(e.ingestedAt()));
                insert.setObject(i++, e.source().id());
                insert.setString(i++, e.sourceEventId());
                insert.setObject(i++, e.importExecutionId(), Types.BIGINT);
                insert.setString(i++, e.agentId());
                insert.setString(i++, e.agentName());
                insert.setString(i++, e.agentVersion());
                insert.setString(i++, e.deployment());
                insert.setString(i++, e.region());
                insert.setString(i++, e.subjectPseudonym());
                insert.setString(i++, e.sessionId());
                insert.setString(i++, e.action());
                insert.setString(i++, e.target());
                insert.setString(i++, e.result());
                insert.setString(i++, e.reason());
                insert.setObject(i++, e.humanConfirmed(), Types.BOOLEAN);
                insert.setString(i++, e.model());
                insert.setObject(i++, e.inputTokens(), Types.BIGINT);
                insert.setObject(i++, e.outputTokens(), Types.BIGINT);
                insert.setObject(i++, e.latencyMs(), Types.BIGINT);
                insert.setString(i++, e.error());
                insert.setString(i++, e.dataCategory());
                StoredContent content = e.storedContent().orElse(null);
                insert.setBytes(i++, content == null ? null : content.bytes());
                insert.setString(i++, content == null ? null : content.encoding().name());
                if (content == null || content.keyId() == null) {
                    insert.setNull(i++, Types.OTHER);
                } else {
                    insert.setObject(i++, content.keyId());
                }
                MaskingCounts masked = e.masked();
                insert.setInt(i++, masked.secrets());
                insert.setInt(i++, masked.paymentCards());
                insert.setInt(i++, masked.usSsns());
                insert.setInt(i++, masked.emails());
                insert.setInt(i, masked.phones());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
