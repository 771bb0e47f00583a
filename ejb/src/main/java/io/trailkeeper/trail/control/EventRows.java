package io.trailkeeper.trail.control;

import io.trailkeeper.platform.control.BinaryCopyRows;
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
 * Writes new audit events on the transaction's connection, past the persistence context: imports
 * store millions of events that nothing reads back in the same transaction, and the per-entity
 * bookkeeping (change sets, row building) cost more than the database's own work. On PostgreSQL the
 * rows go through the binary COPY protocol ({@link #encode} with {@link #COPY}), the database's
 * cheapest write path; elsewhere as one JDBC batch ({@link #insert}). Columns as mapped by
 * {@link AuditEvent}; times in UTC like {@code UtcInstantConverter}.
 */
public final class EventRows {

    static final String INSERT = "INSERT INTO audit_event (id, occurred_at, ingested_at, source_id, source_event_id, "
            + "import_execution_id, agent_id, agent_name, agent_version, deployment, region, subject_pseudonym, session_id, "
            + "action, target, result, reason, human_confirmed, model, input_tokens, output_tokens, latency_ms, error, "
            + "data_category, content, content_encoding, content_key_id, masked_secrets, masked_payment_cards, masked_us_ssns, "
            + "masked_emails, masked_phones) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The same columns as {@link #INSERT}, in the same order, for {@link #encode}. */
    public static final String COPY = "COPY audit_event (id, occurred_at, ingested_at, source_id, source_event_id, "
            + "import_execution_id, agent_id, agent_name, agent_version, deployment, region, subject_pseudonym, session_id, "
            + "action, target, result, reason, human_confirmed, model, input_tokens, output_tokens, latency_ms, error, "
            + "data_category, content, content_encoding, content_key_id, masked_secrets, masked_payment_cards, masked_us_ssns, "
            + "masked_emails, masked_phones) FROM STDIN (FORMAT binary)";
    private static final int COLUMNS = 32;

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

    /** Appends one event as a row of {@link #COPY}. */
    public static void encode(AuditEvent e, BinaryCopyRows rows) {
        StoredContent content = e.storedContent().orElse(null);
        MaskingCounts masked = e.masked();
        rows.row(COLUMNS)
                .uuid(e.id())
                .timestamptz(e.occurredAt())
                .timestamptz(e.ingestedAt())
                .uuid(e.source().id())
                .text(e.sourceEventId())
                .int8(e.importExecutionId())
                .text(e.agentId())
                .text(e.agentName())
                .text(e.agentVersion())
                .text(e.deployment())
                .text(e.region())
                .text(e.subjectPseudonym())
                .text(e.sessionId())
                .text(e.action())
                .text(e.target())
                .text(e.result())
                .text(e.reason())
                .bool(e.humanConfirmed())
                .text(e.model())
                .int8(e.inputTokens())
                .int8(e.outputTokens())
                .int8(e.latencyMs())
                .text(e.error())
                .text(e.dataCategory())
                .bytea(content == null ? null : content.bytes())
                .text(content == null ? null : content.encoding().name())
                .uuid(content == null ? null : content.keyId())
                .int4(masked.secrets())
                .int4(masked.paymentCards())
                .int4(masked.usSsns())
                .int4(masked.emails())
                .int4(masked.phones());
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
