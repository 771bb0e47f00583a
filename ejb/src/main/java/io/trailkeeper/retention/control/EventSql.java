package io.trailkeeper.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Prepares retention's statements over the trail: binds values in order, instants as UTC timestamps. */
final class EventSql {

    /** Every event with its source, for the conditions of {@link SqlCondition}. */
    static final String EVENTS = " FROM audit_event e JOIN audit_source s ON s.id = e.source_id";

    private EventSql() {
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int i = 1;
        for (Object value : parameters) {
            if (value instanceof Instant instant) {
                statement.setObject(i++, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i++, value);
            }
        }
        return statement;
    }
}
