package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.BlockedSubject;
import io.trailkeeper.retention.entity.HeldBack;
import io.trailkeeper.retention.entity.HoldScope;
import io.trailkeeper.retention.entity.LegalFloor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Counts, in one SQL statement per policy, what the policy would do as of an instant: the events of
 * its scope (its class under the rules in force, its sources and agents, minus the events a policy
 * that wins over it covers) older than its period, and of those how many a legal floor, each legal
 * hold and open data-subject requests hold back, and the oldest and newest that would go.
 */
public final class ExpiryCounts {

    /** IN lists are cut into pieces of this many values (PostgreSQL binds at most 32767 per statement). */
    private static final int IN_LIST = 1000;

    /** A hold in force, as the dry run needs it. */
    public record ActiveHold(UUID id, String matter, HoldScope scope) {
    }

    /** The policy to count for and everything that limits it. */
    public record Question(PolicyPrecedence.Scope policy, List<PolicyPrecedence.Scope> outranking, LegalFloor floor,
                           List<ActiveHold> holds, Collection<BlockedSubject> blocked, Instant at) {
    }

    /** What the statement counted. */
    public record Answer(Instant cutoff, long expired, long heldBack, List<HeldBack> heldBackBy, Instant oldest, Instant newest) {
    }

    private ExpiryCounts() {
    }

    /** What holds a policy's expired events back, each reason with the kind it is counted under. */
    record Reasons(List<SqlCondition> conditions, List<HeldBack> kinds) {

        /** Any reason at all: the events that must not be deleted. */
        SqlCondition any() {
            return conditions.stream().reduce(SqlCondition.FALSE, SqlCondition::or);
        }
    }

    /**
     * Why expired events stay: a legal floor raised above the policy's period (no policy can undercut it),
     * each legal hold in force, and open data-subject requests (GDPR Art. 12(3), 15, 18(1)).
     */
    static Reasons reasons(Question q) {
        List<SqlCondition> reasons = new ArrayList<>();
        List<HeldBack> kinds = new ArrayList<>();
        if (q.floor() != null && q.floor().days() > q.policy().periodDays()) {
            // A floor raised after the policy was set keeps what it covers (no policy can undercut it).
            reasons.add(SqlCondition.of("e.occurred_at >= ?", q.at().minus(Duration.ofDays(q.floor().days()))));
            kinds.add(new HeldBack(HeldBack.Kind.LEGAL_FLOOR, q.floor().rule(), q.floor().citation(), null, 0));
        }
        for (ActiveHold hold : q.holds()) {
            reasons.add(covering(hold.scope()));
            kinds.add(new HeldBack(HeldBack.Kind.LEGAL_HOLD, hold.matter(), null, hold.id(), 0));
        }
        if (!q.blocked().isEmpty()) {
            reasons.add(subjects(q.blocked().stream().map(BlockedSubject::subjectPseudonym).distinct().toList()));
            kinds.add(new HeldBack(HeldBack.Kind.SUBJECT_REQUEST, "open data-subject requests", q.blocked().size() + " subject(s)", null, 0));
        }
        return new Reasons(reasons, kinds);
    }

    /**
     * The expired events of the policy's scope as of the question's instant: older than its cutoff
     * (GDPR Art. 5(1)(e): kept no longer than the period), its class under the rules in force, its
     * sources and agents, minus what a policy that wins over it covers. Held or not.
     */
    static SqlCondition expired(ClassificationSql classification, Question q) {
        SqlCondition where = SqlCondition.of("e.occurred_at < ?", cutoff(q)).and(scopeOf(classification, q.policy()));
        for (PolicyPrecedence.Scope winner : q.outranking()) {
            where = where.and(scopeOf(classification, winner).not());
        }
        return where;
    }

    static Instant cutoff(Question q) {
        return q.at().minus(Duration.ofDays(q.policy().periodDays()));
    }

    public static Answer count(Connection connection, ClassificationSql classification, Question q) throws SQLException {
        Instant cutoff = cutoff(q);
        Reasons why = reasons(q);
        List<SqlCondition> reasons = why.conditions();
        List<HeldBack> kinds = why.kinds();
        SqlCondition held = why.any();

        StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
        List<Object> parameters = new ArrayList<>();
        for (SqlCondition reason : reasons) {
            sql.append(", SUM(CASE WHEN ").append(reason.sql()).append(" THEN 1 ELSE 0 END)");
            parameters.addAll(reason.parameters());
        }
        sql.append(", SUM(CASE WHEN ").append(held.sql()).append(" THEN 1 ELSE 0 END)");
        sql.append(", MIN(CASE WHEN ").append(held.sql()).append(" THEN NULL ELSE e.occurred_at END)");
        sql.append(", MAX(CASE WHEN ").append(held.sql()).append(" THEN NULL ELSE e.occurred_at END)");
        for (int i = 0; i < 3; i++) {
            parameters.addAll(held.parameters());
        }
        SqlCondition where = expired(classification, q);
        sql.append(EventSql.EVENTS).append(" WHERE ").append(where.sql());
        parameters.addAll(where.parameters());

        try (PreparedStatement statement = EventSql.prepare(connection, sql.toString(), parameters);
             ResultSet row = statement.executeQuery()) {
            row.next();
            long expired = row.getLong(1);
            List<HeldBack> heldBackBy = new ArrayList<>();
            for (int i = 0; i < kinds.size(); i++) {
                HeldBack kind = kinds.get(i);
                long events = row.getLong(2 + i);
                if (events > 0) { // holds and floors that keep nothing of this policy's events are not its reasons
                    heldBackBy.add(new HeldBack(kind.kind(), kind.name(), kind.detail(), kind.holdId(), events));
                }
            }
            int next = 2 + kinds.size();
            return new Answer(cutoff, expired, row.getLong(next), heldBackBy, instant(row, next + 1), instant(row, next + 2));
        }
    }

    /** The events a policy's terms cover, before precedence. */
    public static SqlCondition scopeOf(ClassificationSql classification, PolicyPrecedence.Scope policy) {
        SqlCondition cls = classification.isClass(policy.recordClass());
        return cls.and(SqlCondition.in("s.name", policy.sources())).and(SqlCondition.in("e.agent_id", policy.agents()));
    }

    /** The events a hold covers: every dimension must cover the event; an empty one covers all. */
    public static SqlCondition covering(HoldScope scope) {
        SqlCondition all = subjects(scope.subjectPseudonyms())
                .and(SqlCondition.in("e.agent_id", scope.agents()))
                .and(SqlCondition.in("s.name", scope.sources()));
        if (scope.from() != null) {
            all = all.and(SqlCondition.of("e.occurred_at >= ?", scope.from()));
        }
        if (scope.until() != null) {
            all = all.and(SqlCondition.of("e.occurred_at < ?", scope.until()));
        }
        return all;
    }

    private static SqlCondition subjects(Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return SqlCondition.TRUE;
        }
        List<String> all = List.copyOf(pseudonyms);
        SqlCondition any = SqlCondition.FALSE;
        for (int from = 0; from < all.size(); from += IN_LIST) {
            any = any.or(SqlCondition.in("e.subject_pseudonym", all.subList(from, Math.min(all.size(), from + IN_LIST))));
        }
        return any;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
