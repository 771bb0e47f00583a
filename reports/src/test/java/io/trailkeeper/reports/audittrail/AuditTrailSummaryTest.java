package io.trailkeeper.reports.audittrail;

import static io.trailkeeper.reports.audittrail.AuditTrailFixtures.FEB_1;
import static io.trailkeeper.reports.audittrail.AuditTrailFixtures.GENERATED_AT;
import static io.trailkeeper.reports.audittrail.AuditTrailFixtures.MAR_1;
import static io.trailkeeper.reports.audittrail.AuditTrailFixtures.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.trailkeeper.reports.audittrail.AuditTrailSummary.CountRow;
import io.trailkeeper.reports.audittrail.AuditTrailSummary.EventRow;

class AuditTrailSummaryTest {

    private static final List<CountRow> NO_COUNTS = List.of();
    private static final List<EventRow> NO_EVENTS = List.of();

    @Test
    void rejectsMissingRequiredValues() {
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(null, MAR_1, GENERATED_AT,
                "alice", 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, null, GENERATED_AT,
                "alice", 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, null,
                "alice", 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                null, 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                "alice", 0, null, NO_COUNTS, NO_EVENTS, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                "alice", 0, NO_COUNTS, null, NO_EVENTS, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                "alice", 0, NO_COUNTS, NO_COUNTS, null, SOURCE));
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                "alice", 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, null));
    }

    @Test
    void rejectsNullRowsInsideTheLists() {
        List<EventRow> withNull = Arrays.asList(AuditTrailFixtures.februaryEvents(1).get(0), null);
        assertThrows(NullPointerException.class, () -> new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                "alice", 2, NO_COUNTS, NO_COUNTS, withNull, SOURCE));
    }

    @Test
    void periodMustStartBeforeItEnds() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new AuditTrailSummary(FEB_1, FEB_1, GENERATED_AT, "alice", 0,
                        NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
        assertTrue(empty.getMessage().contains("periodStart"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AuditTrailSummary(MAR_1, FEB_1,
                GENERATED_AT, "alice", 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
    }

    @Test
    void countsCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new AuditTrailSummary(FEB_1, MAR_1,
                GENERATED_AT, "alice", -1, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE));
        assertThrows(IllegalArgumentException.class, () -> new CountRow("agent", -5));
    }

    @Test
    void listsAreCopiedSoLaterChangesByTheCallerDoNotLeakIn() {
        List<EventRow> events = new ArrayList<>(AuditTrailFixtures.februaryEvents(3));
        List<CountRow> agents = new ArrayList<>(List.of(new CountRow("a", 3)));
        AuditTrailSummary summary = new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT, "alice", 3,
                agents, NO_COUNTS, events, SOURCE);

        events.clear();
        agents.add(new CountRow("b", 1));

        assertEquals(3, summary.events().size());
        assertEquals(1, summary.eventsPerAgent().size());
        assertThrows(UnsupportedOperationException.class, () -> summary.events().clear());
    }

    @Test
    void eventRowAllowsUnrecordedFields() {
        EventRow row = new EventRow(null, null, null, null, null, null, null);
        assertEquals(null, row.humanConfirmed());
    }

    @Test
    void eventsAreTruncatedWhenFewerAreListedThanHappened() {
        List<EventRow> events = AuditTrailFixtures.februaryEvents(10);
        assertFalse(AuditTrailFixtures.summaryOf(events).eventsTruncated());
        assertTrue(AuditTrailFixtures.summaryOf(events, 25, 10).eventsTruncated());
        assertFalse(AuditTrailFixtures.emptySummary().eventsTruncated());
    }

    @Test
    void periodBoundsAreKeptExactly() {
        Instant start = Instant.parse("2026-02-01T10:15:30.123Z");
        AuditTrailSummary summary = new AuditTrailSummary(start, start.plusNanos(1), GENERATED_AT,
                "alice", 0, NO_COUNTS, NO_COUNTS, NO_EVENTS, SOURCE);
        assertEquals(start, summary.periodStart());
    }
}
