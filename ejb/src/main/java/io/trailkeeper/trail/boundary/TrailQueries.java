package io.trailkeeper.trail.boundary;

import io.trailkeeper.trail.control.EventQuery;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.EventCount;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.EventPage;
import io.trailkeeper.trail.entity.InvalidQuery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to the audit trail: search, single events and the counts dashboards and reports show. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TrailQueries {

    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "trailkeeper")
    private EntityManager em;

    public EventPage search(EventFilter filter, int page, int size) {
        if (page < 0) {
            throw new InvalidQuery("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        EventQuery query = new EventQuery(filter);
        long total = query.create(em, "SELECT COUNT(e) FROM AuditEvent e", "", Long.class).getSingleResult();
        List<AuditEvent> items = query.create(em, "SELECT e FROM AuditEvent e JOIN FETCH e.source",
                        " ORDER BY e.occurredAt DESC, e.id", AuditEvent.class)
                .setFirstResult(InvalidQuery.firstResult(page, size))
                .setMaxResults(size)
                .getResultList();
        return new EventPage(items, page, size, total);
    }

    /** Events in time order, oldest first, at most {@code limit}: the table of a report. */
    public List<AuditEvent> chronological(EventFilter filter, int limit) {
        return new EventQuery(filter).create(em, "SELECT e FROM AuditEvent e JOIN FETCH e.source",
                        " ORDER BY e.occurredAt, e.id", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(EventFilter filter) {
        return new EventQuery(filter).create(em, "SELECT COUNT(e) FROM AuditEvent e", "", Long.class).getSingleResult();
    }

    public Optional<AuditEvent> find(UUID id) {
        return em.createQuery("SELECT e FROM AuditEvent e JOIN FETCH e.source WHERE e.id = :id", AuditEvent.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public List<EventCount> countsPerAgent(EventFilter filter) {
        return countsBy("e.agentId", filter);
    }

    public List<EventCount> countsPerAction(EventFilter filter) {
        return countsBy("e.action", filter);
    }

    private List<EventCount> countsBy(String attribute, EventFilter filter) {
        // attribute is one of the two constants above, never caller input
        return new EventQuery(filter).create(em,
                        "SELECT NEW io.trailkeeper.trail.entity.EventCount(" + attribute + ", COUNT(e)) FROM AuditEvent e",
                        " GROUP BY " + attribute + " ORDER BY COUNT(e) DESC, " + attribute, EventCount.class)
                .getResultList();
    }
}
