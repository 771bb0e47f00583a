package io.trailkeeper.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** How many events of the trail each record class holds under the rules in force; the default class counts the unmatched. */
public final class ClassCounts {

    private ClassCounts() {
    }

    public static Map<String, Long> count(Connection connection, ClassificationSql classification) throws SQLException {
        String sql = "SELECT c.record_class, COUNT(*) FROM (SELECT " + classification.expression() + " AS record_class"
                + EventSql.EVENTS + ") c GROUP BY c.record_class";
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = EventSql.prepare(connection, sql, classification.parameters());
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
