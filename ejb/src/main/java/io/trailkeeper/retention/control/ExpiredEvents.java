package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.EventPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events a deletion run deletes next for one policy: exactly those the dry run counts as "would go"
 * for the same instant (the same scope, cutoff and held-back conditions of {@link ExpiryCounts}), in
 * the order (occurred_at, id), after a position. Holds, floors and open data-subject requests are read
 * again for every batch, so one placed while a run goes on stops it deleting what the hold covers.
 */
public final class ExpiredEvents {

    private ExpiredEvents() {
    }

    /** The statement for the next batch: expired, in scope, not held, after the position, oldest first. */
    static SqlCondition selection(ClassificationSql classification, ExpiryCounts.Question q, EventPosition after) {
        SqlCondition where = ExpiryCounts.expired(classification, q).and(ExpiryCounts.reasons(q).any().not());
        if (after != null) {
            where = where.and(SqlCondition.of("(e.occurred_at > ? OR (e.occurred_at = ? AND e.id > ?))",
                    after.occurredAt(), after.occurredAt(), after.eventId()));
        }
        return where;
    }

    static String sql(SqlCondition where, int limit) {
        return "SELECT e.id, e.occurred_at" + EventSql.EVENTS + " WHERE " + where.sql()
                + " ORDER BY e.occurred_at, e.id FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** At most {@code limit} events to delete after {@code after} (null: from the oldest). */
    public static List<EventPosition> next(Connection connection, ClassificationSql classification, ExpiryCounts.Question q,
                                           EventPosition after, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("a batch holds at least one event: " + limit);
        }
        SqlCondition where = selection(classification, q, after);
        List<EventPosition> events = new ArrayList<>(limit);
        try (PreparedStatement statement = EventSql.prepare(connection, sql(where, limit), where.parameters());
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(new EventPosition(rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getObject(1, UUID.class)));
            }
        }
        return events;
    }
}
