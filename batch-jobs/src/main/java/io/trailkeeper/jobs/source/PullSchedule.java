package io.trailkeeper.jobs.source;

import io.trailkeeper.source.boundary.SourceCatalog;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourceRejected;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls every enabled source whose poll interval has elapsed and whose previous pull has finished.
 * <p>
 * Safe on one server: the timer is not persistent (it does not pile up missed runs after downtime),
 * a run that overlaps the previous one is skipped, and {@link SourcePulls} lets one pull per source
 * run at a time. A cluster would need more: these timers fire on every instance, so it would need a
 * single owner (a persistent timer in a shared timer database, or a lease row per source taken with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}) and the watched directories on storage every instance sees.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // hashing files and starting jobs; no transaction to time out
public class PullSchedule {

    private static final Logger LOG = Logger.getLogger(PullSchedule.class.getName());

    private final AtomicBoolean busy = new AtomicBoolean();
    /** When the schedule last tried each source, so a failing source is retried once per interval, not every minute. */
    private final Map<UUID, Instant> lastAttempt = new ConcurrentHashMap<>();

    @EJB
    SourceCatalog catalog;

    @EJB
    SourcePulls pulls;

    @Inject
    Clock clock;

    @Schedule(second = "30", minute = "*", hour = "*", persistent = false, info = "source pulls")
    void pullDueSources() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (ConfiguredSource source : catalog.scheduledSources()) {
                // One source that cannot be looked at must not keep every other source from its pulls.
                try {
                    if (due(source, now)) {
                        lastAttempt.put(source.id(), now);
                        pull(source);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not check or start the scheduled pull of source " + source.id()
                            + ": " + e.getClass().getSimpleName(), e);
                }
            }
        } finally {
            busy.set(false);
        }
    }

    private boolean due(ConfiguredSource source, Instant now) {
        Instant last = catalog.lastPulledAt(source.id(), EnumSet.of(PullTrigger.SCHEDULE, PullTrigger.MANUAL)).orElse(null);
        Instant tried = lastAttempt.get(source.id());
        if (tried != null && (last == null || tried.isAfter(last))) {
            last = tried;
        }
        return last == null || !now.isBefore(last.plusSeconds(source.pollIntervalSeconds()));
    }

    private void pull(ConfiguredSource source) {
        try {
            PullStarted started = pulls.pull(source.id(), PullTrigger.SCHEDULE, null);
            if (!started.started().isEmpty()) {
                LOG.info(() -> "Scheduled pull of source " + source.name() + ": " + started.started().size() + " execution(s) started");
            }
        } catch (SourceRejected e) {
            if (e.reason() != SourceRejected.Reason.PULL_RUNNING) {
                LOG.warning(() -> "Scheduled pull of source " + source.name() + " not started: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Scheduled pull of source " + source.name() + " failed: " + e.getClass().getSimpleName());
        }
    }
}
