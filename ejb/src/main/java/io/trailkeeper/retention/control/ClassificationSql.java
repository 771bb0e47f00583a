package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The record class of an event as one SQL CASE expression over {@code audit_event e JOIN audit_source s}:
 * the rules in evaluation order, the first match decides, else the default class.
 *
 * <p>Why computed, not stored. The class is not a column of {@code audit_event}: a stored class would
 * be the rules of the day the event arrived, and an officer's change of a rule (the point of rules one
 * can read and edit) would leave past events in their old class until every affected row of the
 * append-only trail, across all its partitions, was rewritten; a deletion by class run in between
 * would delete by rules no longer in force. Stamping it at ingestion would also put classification
 * on the import's hot path (COPY). Computed, the class is always that of the rules in force when the
 * dry run or the deletion runs, the same expression for both (so the run does what the dry run
 * showed for the same instant and rules). It stays fast for deletion because retention never asks
 * "all events of class X": it asks "events older than the cutoff" (the {@code occurred_at} index, and
 * on PostgreSQL partition pruning, narrow the rows first) and evaluates the CASE, a few LIKEs on
 * indexed short columns, only on those. Whole-partition drops need, per partition, one grouped count
 * by this expression.
 */
public record ClassificationSql(String expression, List<Object> parameters) {

    /** Class codes are written into the SQL text (PostgreSQL cannot type a bind value in a THEN), so they must be plain. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public ClassificationSql {
        parameters = List.copyOf(parameters);
    }

    public static ClassificationSql of(List<RuleDefinition> rulesInOrder, String defaultClass) {
        StringBuilder sql = new StringBuilder("CASE");
        List<Object> parameters = new ArrayList<>();
        for (RuleDefinition rule : rulesInOrder) {
            SqlCondition when = matching(rule);
            sql.append(" WHEN ").append(when.sql()).append(" THEN ").append(literal(rule.recordClass()));
            parameters.addAll(when.parameters());
        }
        sql.append(" ELSE ").append(literal(defaultClass)).append(" END");
        return new ClassificationSql(sql.toString(), parameters);
    }

    /** The events of one class. */
    public SqlCondition isClass(String code) {
        return new SqlCondition("(" + expression + ") = " + literal(code), parameters);
    }

    /** The condition a rule puts on an event; every given condition must hold. */
    static SqlCondition matching(RuleDefinition rule) {
        SqlCondition all = SqlCondition.TRUE;
        if (rule.sourceName() != null) {
            all = all.and(SqlCondition.of("s.name = ?", rule.sourceName()));
        }
        all = all.and(like("e.agent_id", rule.agentPattern()));
        all = all.and(like("e.action", rule.actionPattern()));
        all = all.and(like("e.data_category", rule.dataCategoryPattern()));
        return all.and(like("e.result", rule.resultPattern()));
    }

    private static SqlCondition like(String column, String glob) {
        return glob == null ? SqlCondition.TRUE : SqlCondition.of("LOWER(" + column + ") LIKE ? ESCAPE '\\'", GlobPattern.toLike(glob));
    }

    static String literal(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a record class code: " + code);
        }
        return "'" + code + "'";
    }
}
