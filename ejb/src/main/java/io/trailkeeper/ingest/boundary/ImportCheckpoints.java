package io.trailkeeper.ingest.boundary;

import io.trailkeeper.ingest.entity.ImportCheckpoint;
import io.trailkeeper.ingest.entity.StoreOutcome;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The checkpoints of import and pull runs that commit with their events.
 *
 * <p>Why next to the batch runtime's own checkpoint: Payara keeps that one in its job repository, a
 * different database, so each chunk ends in a two-phase commit across the two. A server killed
 * between the two commits keeps the chunk's events but loses its batch checkpoint; the resumed run
 * would read the chunk again and count its events as duplicates. Written in the chunk's own
 * transaction, this checkpoint is exactly as durable as the events, and a resumed run prefers it.
 */
@Stateless
public class ImportCheckpoints {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    /** Records that a chunk of the run committed up to {@code readerPosition}, with the run's tally so far. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void chunkCommitted(UUID runId, String jobName, byte[] readerPosition, StoreOutcome tally) {
        ImportCheckpoint checkpoint = em.find(ImportCheckpoint.class, runId);
        if (checkpoint == null) {
            checkpoint = new ImportCheckpoint(runId, jobName);
            checkpoint.advance(readerPosition, tally, clock.instant());
            em.persist(checkpoint);
        } else {
            if (!checkpoint.jobName().equals(jobName)) {
                throw new IllegalStateException("run " + runId + " belongs to the job " + checkpoint.jobName() + ", not " + jobName);
            }
            checkpoint.advance(readerPosition, tally, clock.instant());
        }
    }

    /** @return the last committed checkpoint of the run, or empty when none of its chunks has committed */
    public Optional<ImportCheckpoint> lastCommitted(UUID runId) {
        return Optional.ofNullable(em.find(ImportCheckpoint.class, runId));
    }
}
