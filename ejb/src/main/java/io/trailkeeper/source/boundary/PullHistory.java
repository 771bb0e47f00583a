package io.trailkeeper.source.boundary;

import io.trailkeeper.platform.boundary.ApplicationInstance;
import io.trailkeeper.source.entity.NewPull;
import io.trailkeeper.source.entity.PullCounts;
import io.trailkeeper.source.entity.PullState;
import io.trailkeeper.source.entity.SourcePull;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every run that pulled a source, from before the batch runtime accepts it to its end: Trailkeeper's
 * own history of imports and pulls, readable whatever deployment started them. Each change commits
 * on its own (REQUIRES_NEW): the job that the row describes runs in other transactions, and its
 * history must not wait for, or roll back with, any of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PullHistory {

    private static final List<String> UNFINISHED = List.of(PullState.STARTING.name(), PullState.STARTED.name(),
            PullState.STOPPING.name());

    /** Why an interrupted run did not end, as its history shows it. */
    public static final String INTERRUPTED = "interrupted: the server stopped, or the application was deployed again, while it ran";

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    ApplicationInstance instance;

    /** Records a run about to be handed to the batch runtime; @return its pull id */
    public UUID opened(NewPull run) {
        SourcePull pull = new SourcePull(run.sourceId(), run.jobName(), run.runId(), run.trigger(), run.fileName(),
                run.requestedBy(), clock.instant(), instance.id(), run.jobParameters(), run.resumedFrom());
        em.persist(pull);
        return pull.id();
    }

    /** The batch runtime accepted the run as this execution. */
    public void accepted(UUID pullId, long executionId) {
        find(pullId).ifPresent(pull -> pull.accepted(executionId));
    }

    /** The batch runtime refused to start it: nothing ran, so nothing is kept. */
    public void refused(UUID pullId) {
        find(pullId).ifPresent(em::remove);
    }

    /** The job has begun, on this application instance. */
    public void running(UUID pullId, long executionId) {
        find(pullId).ifPresent(pull -> pull.running(executionId, instance.id()));
    }

    public void ended(UUID pullId, PullState state, String failure, PullCounts counts) {
        find(pullId).ifPresent(pull -> pull.ended(state, failure, counts, clock.instant()));
    }

    /** The run goes on as a later execution, from its checkpoint. */
    public void continuedAs(UUID pullId, long executionId) {
        find(pullId).ifPresent(pull -> pull.continuedAs(executionId));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SourcePull> find(UUID pullId) {
        return Optional.ofNullable(em.find(SourcePull.class, pullId));
    }

    /** The run of a job execution (the newest, should the batch runtime ever have reused its id). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SourcePull> ofExecution(long executionId) {
        return em.createQuery("SELECT p FROM SourcePull p WHERE p.jobExecutionId = :execution ORDER BY p.startedAt DESC",
                        SourcePull.class)
                .setParameter("execution", executionId).setMaxResults(1).getResultStream().findFirst();
    }

    /** Every execution of a run, first to last. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SourcePull> executionsOf(UUID runId) {
        return em.createQuery("SELECT p FROM SourcePull p WHERE p.runId = :run ORDER BY p.startedAt, p.jobExecutionId",
                        SourcePull.class)
                .setParameter("run", runId).getResultList();
    }

    /** The latest execution of each of the most recent runs of a job, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SourcePull> latestRuns(String jobName, int max) {
        return em.createQuery("SELECT p FROM SourcePull p WHERE p.jobName = :job AND p.resumedBy IS NULL"
                        + " AND p.jobExecutionId IS NOT NULL ORDER BY p.startedAt DESC, p.jobExecutionId DESC", SourcePull.class)
                .setParameter("job", jobName).setMaxResults(max).getResultList();
    }

    /**
     * Runs to continue at this start: those recorded as going on by an application instance that no
     * longer runs (a crash or a kill interrupted them), and those an instance marked
     * {@link PullState#INTERRUPTED} as it stopped, not yet continued.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SourcePull> toContinue() {
        return em.createQuery("SELECT p FROM SourcePull p WHERE ((p.status IN :unfinished"
                        + " AND (p.applicationInstance IS NULL OR p.applicationInstance <> :current))"
                        + " OR (p.status = :interrupted AND p.resumedBy IS NULL)) ORDER BY p.startedAt",
                        SourcePull.class)
                .setParameter("unfinished", UNFINISHED).setParameter("interrupted", PullState.INTERRUPTED.name())
                .setParameter("current", instance.id()).getResultList();
    }

    /** Runs going on in this application instance. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SourcePull> runningHere() {
        return em.createQuery("SELECT p FROM SourcePull p WHERE p.status IN :unfinished AND p.applicationInstance = :current"
                        + " AND p.jobExecutionId IS NOT NULL", SourcePull.class)
                .setParameter("unfinished", UNFINISHED).setParameter("current", instance.id()).getResultList();
    }

    /** The run stopped because its server or application did; the next start continues it. */
    public void interrupted(UUID pullId, PullCounts counts) {
        find(pullId).ifPresent(pull -> pull.ended(PullState.INTERRUPTED, INTERRUPTED, counts, clock.instant()));
    }
}
