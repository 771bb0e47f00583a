package io.trailkeeper.trail.boundary;

import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.trail.entity.DeletionGround;
import io.trailkeeper.trail.entity.DeletionRefused;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The only way a stored event leaves the trail: retention when its period has expired (GDPR Art. 5(1)(e))
 * or a data subject's erasure request (GDPR Art. 17). In one transaction the rows are removed and the
 * tamper-evident log records each deletion as a leaf of its own, with the ground and who asked, so that
 * verification counts the removed rows as accounted deletions rather than tampering. The events' own
 * leaves stay in the log: earlier checkpoints, inclusion and consistency proofs keep holding.
 */
@Stateless
public class EventDeletion {

    /** Longest name of a job or account that asks for a deletion (the column's size). */
    public static final int MAX_REQUESTED_BY = 200;

    /** How many ids one DELETE statement names. */
    private static final int IDS_PER_STATEMENT = 1_000;

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @EJB
    TrailLog log;

    /**
     * Deletes the stored events and records each deletion in the log, all or nothing: refused with
     * {@link DeletionRefused} (and nothing deleted) when an id is not stored, already deleted, named twice,
     * or its row no longer matches its leaf (tampering must be found by verification, not erased).
     *
     * @param requestedBy the job (e.g. "retention job") or the account that asked; kept with the deletion
     * @return one recorded deletion per event, in the order of the events' leaves
     */
    public List<TrailLog.RecordedDeletion> delete(Collection<UUID> eventIds, DeletionGround ground, String requestedBy) {
        Objects.requireNonNull(eventIds, "eventIds");
        if (ground == null) {
            throw new DeletionRefused("A deletion needs its ground: " + List.of(DeletionGround.values()) + ".");
        }
        if (requestedBy == null || requestedBy.isBlank() || requestedBy.length() > MAX_REQUESTED_BY) {
            throw new DeletionRefused("A deletion must name the job or account that asked for it (1 to " + MAX_REQUESTED_BY
                    + " characters).");
        }
        if (eventIds.stream().anyMatch(Objects::isNull)) {
            throw new DeletionRefused("An event id to delete is missing (null).");
        }
        List<TrailLog.RecordedDeletion> recorded = log.recordDeletions(eventIds, ground, requestedBy.strip());
        List<UUID> ids = recorded.stream().map(TrailLog.RecordedDeletion::eventId).toList();
        int removed = 0;
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            removed += em.createQuery("DELETE FROM AuditEvent e WHERE e.id IN :ids")
                    .setParameter("ids", new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT))))
                    .executeUpdate();
        }
        if (removed != ids.size()) {
            // Someone removed rows between the check under the log's lock and here: roll back, leave nothing half-done.
            throw new IllegalStateException("expected to delete " + ids.size() + " events, deleted " + removed);
        }
        return recorded;
    }
}
