package io.trailkeeper.retention.boundary;

import io.trailkeeper.platform.boundary.ApplicationInstance;
import io.trailkeeper.retention.control.RunRules;
import io.trailkeeper.retention.control.RunStore;
import io.trailkeeper.retention.entity.EventPosition;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RunBatch;
import io.trailkeeper.retention.entity.RunLine;
import io.trailkeeper.retention.entity.RunStatus;
import io.trailkeeper.trail.boundary.EventDeletion;
import io.trailkeeper.trail.entity.DeletionGround;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deletion runs of retention (GDPR Art. 5(1)(e) storage limitation): a run is planned from the dry run
 * at its reference instant, then deletes batch by batch exactly what that dry run shows would go,
 * each batch through {@link EventDeletion} (so the tamper-evident log records every deletion) in the
 * same transaction that moves the run's position and counts on. A run continued after a crash goes on
 * from that position. The job that drives it lives in batch-jobs ({@code retention-run}).
 */
@Stateless
public class RetentionRuns {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @EJB
    RetentionDryRun dryRun;

    @EJB
    EventDeletion deletion;

    @EJB
    ApplicationInstance instance;

    @Inject
    Clock clock;

    /** Records a run as of {@code at} (null: now) with what the dry run shows for that instant. */
    public RetentionRunView plan(Instant at, String trigger, String requestedBy) {
        Instant now = clock.instant();
        Instant reference = RunRules.referenceInstant(at, now);
        List<RunLine> lines = dryRun.asOf(reference).policies().stream().map(RunRules::planned).toList();
        UUID id = UUID.randomUUID();
        sql(store -> {
            store.insert(new RunStore.NewRun(id, reference, trigger, requestedBy, now), lines);
            return null;
        });
        return find(id);
    }

    public void started(UUID runId, long executionId) {
        sql(store -> {
            store.started(runId, executionId, instance.id(), clock.instant());
            return null;
        });
    }

    public void ended(UUID runId, RunStatus status, String failure) {
        sql(store -> {
            store.ended(runId, status, failure, clock.instant());
            return null;
        });
    }

    /**
     * The next events to delete, in the chunk's transaction: policies in the run's order, from the
     * committed position on; empty when the run is done.
     */
    public Optional<RunBatch> nextBatch(UUID runId, int limit) {
        RetentionRunView run = find(runId);
        Optional<UUID> at = sql(store -> store.positionPolicy(runId));
        List<RunLine> lines = run.policies().stream().filter(RunLine::carriedOut).toList();
        int from = at.map(p -> RunRules.indexOf(lines, p)).orElse(0);
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            RunLine line = lines.get(i);
            EventPosition after = i == from && at.isPresent() ? sql(store -> store.position(runId, line.policyId())).orElse(null) : null;
            List<EventPosition> next = dryRun.nextToDelete(run.at(), line.policyId(), line.periodDays(), after, limit);
            if (!next.isEmpty()) {
                return Optional.of(new RunBatch(line.policyId(), next.stream().map(EventPosition::eventId).toList(), next.get(next.size() - 1)));
            }
        }
        return Optional.empty();
    }

    /** Deletes a batch on the ground of an expired retention period and moves the run on, in one transaction. */
    public void delete(UUID runId, RunBatch batch) {
        RetentionRunView run = find(runId);
        deletion.delete(batch.eventIds(), DeletionGround.RETENTION_PERIOD_EXPIRED, RunRules.requester(run));
        sql(store -> {
            store.advanced(runId, batch.policyId(), batch.eventIds().size(), batch.last());
            return null;
        });
    }

    public List<RetentionRunView> list(int max) {
        return sql(store -> store.list(Math.max(1, Math.min(max, 500))));
    }

    public RetentionRunView find(UUID runId) {
        return sql(store -> store.find(runId))
                .orElseThrow(() -> new RetentionRejected(RetentionRejected.Reason.UNKNOWN, "No retention run " + runId + "."));
    }

    /** Runs a stop or a crash interrupted in an application instance that is gone, to continue. */
    public List<UUID> toContinue() {
        return sql(store -> store.toContinue(instance.id()));
    }

    /** Runs going on in this application instance, to stop when it stops. */
    public List<RetentionRunView> runningHere() {
        return sql(store -> store.runningIn(instance.id())).stream().map(this::find).toList();
    }

    private interface Work<T> {
        T on(RunStore store) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try {
            return work.on(new RunStore(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("retention runs: " + e.getMessage(), e);
        }
    }
}
