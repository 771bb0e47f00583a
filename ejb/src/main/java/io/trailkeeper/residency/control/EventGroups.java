package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.EventGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The residency check's one read of the trail: events whose log leaf lies in (from, to], grouped in the
 * database by source, agent, region and model, with counts, distinct subject pseudonyms and first/last
 * seen. Only the groups reach Java, never the events.
 */
public final class EventGroups {

    private static final String GROUPS = "SELECT s.name, e.agent_id, e.region, e.model, COUNT(*), COUNT(DISTINCT e.subject_pseudonym),"
            + " MIN(e.occurred_at), MAX(e.occurred_at)"
            + " FROM trail_log_leaf l JOIN audit_event e ON e.id = l.event_id JOIN audit_source s ON s.id = e.source_id"
            + " WHERE l.kind = 'EVENT' AND l.leaf_index > ? AND l.leaf_index <= ?"
            + " GROUP BY s.name, e.agent_id, e.region, e.model";

    private EventGroups() {
    }

    /** The highest leaf index committed, -1 for an empty log. */
    public static long logEnd(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(leaf_index) FROM trail_log_leaf");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            long end = rs.getLong(1);
            return rs.wasNull() ? -1 : end;
        }
    }

    public static List<EventGroup> between(Connection connection, long fromExclusive, long toInclusive) throws SQLException {
        List<EventGroup> groups = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(GROUPS)) {
            select.setLong(1, fromExclusive);
            select.setLong(2, toInclusive);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    groups.add(new EventGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), Jdbc.instant(rs, 7), Jdbc.instant(rs, 8)));
                }
            }
        }
        return groups;
    }
}
