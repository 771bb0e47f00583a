package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.EventPosition;
import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.HeldBack;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RunLine;
import io.trailkeeper.retention.entity.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Retention runs in their tables (retention_run, retention_run_policy, retention_run_held), in SQL. */
public final class RunStore {

    /** A run as it is first recorded. */
    public record NewRun(UUID id, Instant at, String trigger, String requestedBy, Instant requestedAt) {
    }

    private static final String RUN_COLUMNS = "id, reference_at, run_trigger, requested_by, requested_at, status, job_execution_id,"
            + " executions, started_at, ended_at, failure, deleted, position_policy, position_occurred_at, position_event_id";

    private final Connection connection;

    public RunStore(Connection connection) {
        this.connection = connection;
    }

    public void insert(NewRun run, List<RunLine> lines) throws SQLException {
        update("INSERT INTO retention_run (id, reference_at, run_trigger, requested_by, requested_at, status, executions, deleted)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, 0)", run.id(), run.at(), run.trigger(), run.requestedBy(), run.requestedAt(),
                RunStatus.REQUESTED.name());
        int order = 0;
        for (RunLine line : lines) {
            update("INSERT INTO retention_run_policy (run_id, policy_id, line_order, policy_version, record_class, period_days,"
                    + " expiry_action, cutoff, expired, would_go, held_back, deleted, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    run.id(), line.policyId(), order++, line.policyVersion(), line.recordClass(), line.periodDays(),
                    line.expiryAction().name(), line.cutoff(), line.expired(), line.wouldGo(), line.heldBack(), line.note());
            int reason = 0;
            for (HeldBack held : line.heldBackBy()) {
                update("INSERT INTO retention_run_held (run_id, policy_id, reason_order, kind, name, detail, hold_id, events)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.id(), line.policyId(), reason++, held.kind().name(),
                        cut(held.name(), 200), cut(held.detail(), 500), held.holdId(), held.events());
            }
        }
    }

    /** A new execution of the run began in this application instance. */
    public void started(UUID runId, long executionId, UUID instance, Instant at) throws SQLException {
        update("UPDATE retention_run SET status = ?, job_execution_id = ?, application_instance = ?, executions = executions + 1,"
                + " started_at = COALESCE(started_at, ?), ended_at = NULL, failure = NULL WHERE id = ?",
                RunStatus.STARTED.name(), executionId, instance, at, runId);
    }

    public void ended(UUID runId, RunStatus status, String failure, Instant at) throws SQLException {
        update("UPDATE retention_run SET status = ?, ended_at = ?, failure = ? WHERE id = ?", status.name(), at, cut(failure, 2000), runId);
    }

    /** Counts a batch as deleted and moves the position after it, in the transaction that deleted it. */
    public void advanced(UUID runId, UUID policyId, long deleted, EventPosition last) throws SQLException {
        update("UPDATE retention_run SET deleted = deleted + ?, position_policy = ?, position_occurred_at = ?, position_event_id = ?"
                + " WHERE id = ?", deleted, policyId, last.occurredAt(), last.eventId(), runId);
        update("UPDATE retention_run_policy SET deleted = deleted + ? WHERE run_id = ? AND policy_id = ?", deleted, runId, policyId);
    }

    /** Runs recorded as going on in another application instance (gone), or interrupted and not yet continued. */
    public List<UUID> toContinue(UUID currentInstance) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = prepare("SELECT id FROM retention_run WHERE (status = ? AND (application_instance IS NULL"
                + " OR application_instance <> ?)) OR status = ? ORDER BY requested_at", RunStatus.STARTED.name(), currentInstance,
                RunStatus.INTERRUPTED.name()); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** Runs going on in this application instance. */
    public List<UUID> runningIn(UUID instance) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = prepare("SELECT id FROM retention_run WHERE status = ? AND application_instance = ?",
                RunStatus.STARTED.name(), instance); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    public Optional<EventPosition> position(UUID runId, UUID policyId) throws SQLException {
        try (PreparedStatement s = prepare("SELECT position_occurred_at, position_event_id FROM retention_run WHERE id = ?"
                + " AND position_policy = ?", runId, policyId); ResultSet row = s.executeQuery()) {
            return row.next() ? Optional.of(new EventPosition(instant(row, 1), row.getObject(2, UUID.class))) : Optional.empty();
        }
    }

    public Optional<UUID> positionPolicy(UUID runId) throws SQLException {
        try (PreparedStatement s = prepare("SELECT position_policy FROM retention_run WHERE id = ?", runId); ResultSet row = s.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    /** The newest runs first. */
    public List<RetentionRunView> list(int limit) throws SQLException {
        List<RetentionRunView> runs = new ArrayList<>();
        try (PreparedStatement s = prepare("SELECT " + RUN_COLUMNS + " FROM retention_run ORDER BY requested_at DESC FETCH FIRST "
                + limit + " ROWS ONLY"); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                runs.add(run(rows));
            }
        }
        List<RetentionRunView> complete = new ArrayList<>();
        for (RetentionRunView run : runs) {
            complete.add(withLines(run));
        }
        return complete;
    }

    public Optional<RetentionRunView> find(UUID runId) throws SQLException {
        RetentionRunView run;
        try (PreparedStatement s = prepare("SELECT " + RUN_COLUMNS + " FROM retention_run WHERE id = ?", runId);
             ResultSet rows = s.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            run = run(rows);
        }
        return Optional.of(withLines(run));
    }

    private RetentionRunView withLines(RetentionRunView run) throws SQLException {
        List<RunLine> lines = new ArrayList<>();
        try (PreparedStatement s = prepare("SELECT policy_id, policy_version, record_class, period_days, expiry_action, cutoff, expired,"
                + " would_go, held_back, deleted, note FROM retention_run_policy WHERE run_id = ? ORDER BY line_order", run.id());
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                lines.add(new RunLine(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3), rows.getInt(4),
                        ExpiryAction.valueOf(rows.getString(5)), instant(rows, 6), rows.getLong(7), rows.getLong(8), rows.getLong(9),
                        List.of(), rows.getLong(10), rows.getString(11)));
            }
        }
        List<RunLine> withHeld = new ArrayList<>();
        for (RunLine line : lines) {
            withHeld.add(new RunLine(line.policyId(), line.policyVersion(), line.recordClass(), line.periodDays(), line.expiryAction(),
                    line.cutoff(), line.expired(), line.wouldGo(), line.heldBack(), held(run.id(), line.policyId()), line.deleted(), line.note()));
        }
        long wouldGo = withHeld.stream().filter(RunLine::carriedOut).mapToLong(RunLine::wouldGo).sum();
        long heldBack = withHeld.stream().mapToLong(RunLine::heldBack).sum();
        return new RetentionRunView(run.id(), run.at(), run.trigger(), run.requestedBy(), run.requestedAt(), run.status(),
                run.jobExecutionId(), run.executions(), run.startedAt(), run.endedAt(), run.failure(), run.deleted(), wouldGo, heldBack, withHeld, null);
    }

    private List<HeldBack> held(UUID runId, UUID policyId) throws SQLException {
        List<HeldBack> held = new ArrayList<>();
        try (PreparedStatement s = prepare("SELECT kind, name, detail, hold_id, events FROM retention_run_held WHERE run_id = ?"
                + " AND policy_id = ? ORDER BY reason_order", runId, policyId); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                held.add(new HeldBack(HeldBack.Kind.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3),
                        rows.getObject(4, UUID.class), rows.getLong(5)));
            }
        }
        return held;
    }

    private static RetentionRunView run(ResultSet r) throws SQLException {
        long execution = r.getLong(7);
        Long executionId = r.wasNull() ? null : execution;
        return new RetentionRunView(r.getObject(1, UUID.class), instant(r, 2), r.getString(3), r.getString(4), instant(r, 5),
                RunStatus.valueOf(r.getString(6)), executionId, r.getInt(8), instant(r, 9), instant(r, 10), r.getString(11),
                r.getLong(12), 0, 0, List.of(), null);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement s = prepare(sql, values)) {
            s.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... values) throws SQLException {
        return EventSql.prepare(connection, sql, Arrays.asList(values));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
