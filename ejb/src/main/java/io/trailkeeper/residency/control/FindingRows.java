package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.FindingDraft;
import io.trailkeeper.residency.entity.FindingSeverity;
import io.trailkeeper.residency.entity.FindingStatus;
import io.trailkeeper.residency.entity.FindingView;
import io.trailkeeper.residency.entity.ResidencyRule;
import io.trailkeeper.residency.entity.ResidencyVerdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The findings table: add a check's draft to its finding (one per key, counts added), re-open accepted
 * findings whose acceptance expired, list and change status. Called under the check's watermark lock.
 */
public final class FindingRows {

    /** What adding a draft did. */
    public enum Added { NEW, UPDATED, REOPENED }

    static final String CHECK = "residency check";
    private static final String COLUMNS = "id, rule, aspect, severity, jurisdiction, source_name, agent_id, location, recipient, detail,"
            + " catalog_version, event_count, subject_count, first_seen, last_seen, status, status_reason, status_by, status_at, accepted_until";

    private FindingRows() {
    }

    public static Added add(Connection connection, FindingDraft d, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, status, first_seen, last_seen FROM residency_finding WHERE finding_key = ? FOR UPDATE")) {
            select.setString(1, d.key());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    insert(connection, d, now);
                    return Added.NEW;
                }
                UUID id = rs.getObject(1, UUID.class);
                boolean reopen = FindingStatus.valueOf(rs.getString(2)) == FindingStatus.RESOLVED;
                Instant first = min(Jdbc.instant(rs, 3), d.firstSeen());
                Instant last = max(Jdbc.instant(rs, 4), d.lastSeen());
                update(connection, id, d, first, last, reopen, now);
                return reopen ? Added.REOPENED : Added.UPDATED;
            }
        }
    }

    private static void insert(Connection connection, FindingDraft d, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO residency_finding (id, finding_key, rule, aspect, severity,"
                + " jurisdiction, source_name, agent_id, location, recipient, detail, citation, catalog_version, event_count, subject_count,"
                + " first_seen, last_seen, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, d.key());
            insert.setString(3, d.rule().name());
            insert.setString(4, d.aspect().name());
            insert.setString(5, d.severity().name());
            insert.setString(6, d.jurisdiction());
            insert.setString(7, d.source());
            insert.setString(8, d.agent());
            insert.setString(9, d.location());
            insert.setString(10, d.recipient());
            insert.setString(11, d.detail());
            insert.setString(12, d.rule().citation());
            insert.setString(13, d.catalogVersion());
            insert.setLong(14, d.events());
            insert.setLong(15, d.subjects());
            insert.setObject(16, Jdbc.at(d.firstSeen()));
            insert.setObject(17, Jdbc.at(d.lastSeen()));
            insert.setObject(18, Jdbc.at(now));
            insert.setObject(19, Jdbc.at(now));
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, UUID id, FindingDraft d, Instant first, Instant last, boolean reopen, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE residency_finding SET event_count = event_count + ?,"
                + " subject_count = subject_count + ?, first_seen = ?, last_seen = ?, detail = ?, catalog_version = ?, jurisdiction = ?,"
                + " updated_at = ?" + (reopen ? ", status = 'OPEN', status_reason = 'new events after it was resolved', status_by = ?,"
                + " status_at = ?, accepted_until = NULL" : "") + " WHERE id = ?")) {
            int i = 0;
            update.setLong(++i, d.events());
            update.setLong(++i, d.subjects());
            update.setObject(++i, Jdbc.at(first));
            update.setObject(++i, Jdbc.at(last));
            update.setString(++i, d.detail());
            update.setString(++i, d.catalogVersion());
            update.setString(++i, d.jurisdiction());
            update.setObject(++i, Jdbc.at(now));
            if (reopen) {
                update.setString(++i, CHECK);
                update.setObject(++i, Jdbc.at(now));
            }
            update.setObject(++i, id);
            update.executeUpdate();
        }
    }

    /** Accepted findings whose acceptance ended by {@code now} are open again (the reason says so). */
    public static int reopenExpired(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE residency_finding SET status = 'OPEN',"
                + " status_reason = CONCAT('acceptance expired; it was accepted because: ', status_reason), status_by = ?, status_at = ?,"
                + " updated_at = ? WHERE status = 'ACCEPTED' AND accepted_until <= ?")) {
            update.setString(1, CHECK);
            update.setObject(2, Jdbc.at(now));
            update.setObject(3, Jdbc.at(now));
            update.setObject(4, Jdbc.at(now));
            return update.executeUpdate();
        }
    }

    public static List<FindingView> list(Connection connection, FindingStatus status, FindingSeverity severity, int limit)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM residency_finding WHERE (? IS NULL OR status = ?) AND (? IS NULL OR severity = ?)"
                + " ORDER BY CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, last_seen DESC, id";
        List<FindingView> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            String s = status == null ? null : status.name();
            String v = severity == null ? null : severity.name();
            select.setString(1, s);
            select.setString(2, s);
            select.setString(3, v);
            select.setString(4, v);
            select.setMaxRows(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(view(rs));
                }
            }
        }
        return found;
    }

    public static Optional<FindingView> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM residency_finding WHERE id = ? FOR UPDATE")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    public static void setStatus(Connection connection, UUID id, FindingStatus status, String reason, String by, Instant at,
                                 Instant acceptedUntil) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE residency_finding SET status = ?, status_reason = ?,"
                + " status_by = ?, status_at = ?, accepted_until = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, reason);
            update.setString(3, by);
            update.setObject(4, Jdbc.at(at));
            update.setObject(5, Jdbc.at(acceptedUntil));
            update.setObject(6, Jdbc.at(at));
            update.setObject(7, id);
            update.executeUpdate();
        }
    }

    private static FindingView view(ResultSet rs) throws SQLException {
        ResidencyRule rule = ResidencyRule.valueOf(rs.getString("rule"));
        return new FindingView(rs.getObject("id", UUID.class), rule, ResidencyVerdict.Aspect.valueOf(rs.getString("aspect")),
                FindingSeverity.valueOf(rs.getString("severity")), rs.getString("jurisdiction"), rs.getString("source_name"),
                rs.getString("agent_id"), rs.getString("location"), rs.getString("recipient"), rs.getString("detail"), rule.citation(),
                rs.getString("catalog_version"), rs.getLong("event_count"), rs.getLong("subject_count"), Jdbc.instant(rs, "first_seen"),
                Jdbc.instant(rs, "last_seen"), FindingStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("status_by"), Jdbc.instant(rs, "status_at"), Jdbc.instant(rs, "accepted_until"));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
