package io.trailkeeper.ingest.boundary;

import io.trailkeeper.ingest.entity.QuarantinedRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The records imports set aside, so an officer can see what was not accepted and why. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Quarantine {

    public static final int MAX_LISTED = 1_000;

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    /** What one import execution set aside, in file order. */
    public List<QuarantinedRecord> setAsideBy(long importExecutionId) {
        return em.createQuery("SELECT q FROM QuarantinedRecord q JOIN FETCH q.source WHERE q.importExecutionId = :execution"
                        + " ORDER BY q.lineNumber", QuarantinedRecord.class)
                .setParameter("execution", importExecutionId)
                .setMaxResults(MAX_LISTED)
                .getResultList();
    }
}
