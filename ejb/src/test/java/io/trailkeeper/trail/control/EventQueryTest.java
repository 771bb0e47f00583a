package io.trailkeeper.trail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.trailkeeper.trail.entity.EventFilter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    @Test
    void noCriteriaMeansNoWhereClause() {
        EventQuery query = new EventQuery(new EventFilter(null, null, null, null));

        assertEquals("", query.where());
        assertEquals(Map.of(), query.parameters());
    }

    @Test
    void resultAndRegionBecomeBoundEqualityConditions() {
        EventQuery query = new EventQuery(new EventFilter(null, null, "support-bot", null, "denied", "eu-west-1", null));

        assertEquals(" WHERE e.agentId = :agentId AND e.result = :result AND e.region = :region", query.where());
        assertEquals(Map.of("agentId", "support-bot", "result", "denied", "region", "eu-west-1"), query.parameters());
    }

    @Test
    void filterTextNeverBecomesQueryText() {
        String hostile = "x' OR 1=1 --";
        EventQuery query = new EventQuery(new EventFilter(Instant.EPOCH, null, hostile, hostile, hostile, hostile, hostile));

        assertFalse(query.where().contains(hostile));
        assertEquals(hostile, query.parameters().get("region"));
        assertEquals(6, query.parameters().size());
    }
}
