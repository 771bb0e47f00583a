package io.trailkeeper.retention.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A piece of SQL over {@code audit_event e JOIN audit_source s} with its bind values in order. Values
 * are always bound, never written into the text; only validated class codes are (see
 * {@link ClassificationSql}).
 */
public record SqlCondition(String sql, List<Object> parameters) {

    public static final SqlCondition TRUE = new SqlCondition("1=1", List.of());
    public static final SqlCondition FALSE = new SqlCondition("1=0", List.of());

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }

    public static SqlCondition of(String sql, Object... parameters) {
        return new SqlCondition(sql, List.of(parameters));
    }

    /** {@code column IN (?, ...)}; an empty set is no condition at all (covers everything). */
    public static SqlCondition in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return TRUE;
        }
        return new SqlCondition(column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")",
                new ArrayList<>(values));
    }

    public SqlCondition and(SqlCondition other) {
        if (this == TRUE) {
            return other;
        }
        if (other == TRUE) {
            return this;
        }
        return join(" AND ", other);
    }

    public SqlCondition or(SqlCondition other) {
        if (this == FALSE) {
            return other;
        }
        if (other == FALSE) {
            return this;
        }
        return join(" OR ", other);
    }

    public SqlCondition not() {
        return new SqlCondition("NOT (" + sql + ")", parameters);
    }

    private SqlCondition join(String operator, SqlCondition other) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new SqlCondition("(" + sql + ")" + operator + "(" + other.sql + ")", all);
    }
}
