package io.trailkeeper.trail.control;

import io.trailkeeper.trail.entity.EventFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds JPQL for an {@link EventFilter}. Only fixed fragments are concatenated; every value is a
 * bound parameter, so no filter text ever becomes query text.
 */
public final class EventQuery {

    private final String where;
    private final Map<String, Object> parameters;

    public EventQuery(EventFilter filter) {
        List<String> conditions = new ArrayList<>();
        parameters = new LinkedHashMap<>();
        if (filter.from() != null) {
            conditions.add("e.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("e.occurredAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.agentId() != null) {
            conditions.add("e.agentId = :agentId");
            parameters.put("agentId", filter.agentId());
        }
        if (filter.action() != null) {
            conditions.add("e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.result() != null) {
            conditions.add("e.result = :result");
            parameters.put("result", filter.result());
        }
        if (filter.region() != null) {
            conditions.add("e.region = :region");
            parameters.put("region", filter.region());
        }
        if (filter.subjectPseudonym() != null) {
            conditions.add("e.subjectPseudonym = :subject");
            parameters.put("subject", filter.subjectPseudonym());
        }
        where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The bound values by parameter name, in the order their conditions appear. */
    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    public String where() {
        return where;
    }

    public <T> TypedQuery<T> create(EntityManager em, String selectFrom, String tail, Class<T> type) {
        TypedQuery<T> query = em.createQuery(selectFrom + where + tail, type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
