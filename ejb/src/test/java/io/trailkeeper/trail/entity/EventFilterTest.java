package io.trailkeeper.trail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventFilterTest {

    static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOV_2 = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void aPeriodFromBeforeToIsAccepted() {
        EventFilter filter = EventFilter.period(NOV_1, NOV_2);

        assertEquals(NOV_1, filter.from());
        assertEquals(NOV_2, filter.to());
        assertNull(filter.agentId());
        assertNull(filter.action());
    }

    @Test
    void fromAfterToIsRejected() {
        InvalidQuery refused = assertThrows(InvalidQuery.class, () -> EventFilter.period(NOV_2, NOV_1));
        assertEquals("'from' must be before 'to'", refused.getMessage());
    }

    @Test
    void anEmptyPeriodIsRejectedBecauseToIsExclusive() {
        InvalidQuery refused = assertThrows(InvalidQuery.class, () -> EventFilter.period(NOV_1, NOV_1));
        assertEquals("'from' must be before 'to'", refused.getMessage());
    }

    @Test
    void eitherEndMayBeOpen() {
        EventFilter untilNov1 = EventFilter.period(null, NOV_1);
        EventFilter sinceNov1 = EventFilter.period(NOV_1, null);
        EventFilter always = EventFilter.period(null, null);

        assertNull(untilNov1.from());
        assertEquals(NOV_1, untilNov1.to());
        assertEquals(NOV_1, sinceNov1.from());
        assertNull(sinceNov1.to());
        assertNull(always.from());
        assertNull(always.to());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankAgentOrActionMeansAnyAgentOrAction(String blank) {
        EventFilter filter = new EventFilter(null, null, blank, blank);

        assertNull(filter.agentId());
        assertNull(filter.action());
    }

    @Test
    void agentAndActionAreTrimmed() {
        EventFilter filter = new EventFilter(null, null, " support-bot ", "\trefund.issue\n");

        assertEquals("support-bot", filter.agentId());
        assertEquals("refund.issue", filter.action());
    }

    @Test
    void resultAndRegionAreTrimmedAndBlankMeansAny() {
        EventFilter filter = new EventFilter(null, null, null, null, " denied ", "eu-west-1\n", null);
        EventFilter any = new EventFilter(null, null, null, null, "  ", "", null);

        assertEquals("denied", filter.result());
        assertEquals("eu-west-1", filter.region());
        assertNull(any.result());
        assertNull(any.region());
    }

    @Test
    void aTextCriterionLongerThanItsColumnIsRefusedWithItsName() {
        String tooLong = "r".repeat(EventFilter.MAX_TEXT_LENGTH + 1);

        InvalidQuery refused = assertThrows(InvalidQuery.class, () -> new EventFilter(null, null, null, null, tooLong, null, null));
        assertEquals("'result' is longer than 200 characters", refused.getMessage());
        assertEquals("'region' is longer than 200 characters", assertThrows(InvalidQuery.class,
                () -> new EventFilter(null, null, null, null, null, tooLong, null)).getMessage());
        assertEquals("'agent' is longer than 200 characters", assertThrows(InvalidQuery.class,
                () -> new EventFilter(null, null, tooLong, null)).getMessage());
        assertEquals("'action' is longer than 200 characters", assertThrows(InvalidQuery.class,
                () -> new EventFilter(null, null, null, tooLong)).getMessage());
        assertEquals("'subjectPseudonym' is longer than 64 characters", assertThrows(InvalidQuery.class,
                () -> new EventFilter(null, null, null, null, null, null, "a".repeat(65))).getMessage());
    }

    @Test
    void aTextCriterionAsLongAsItsColumnIsKeptWhole() {
        // Measured after trimming: surrounding blanks do not count against the column width.
        EventFilter filter = new EventFilter(null, null, " " + "g".repeat(200) + " ", "c".repeat(200), "r".repeat(200),
                "e".repeat(200), "a".repeat(64) + "\n");

        assertEquals("g".repeat(200), filter.agentId());
        assertEquals("c".repeat(200), filter.action());
        assertEquals("r".repeat(200), filter.result());
        assertEquals("e".repeat(200), filter.region());
        assertEquals("a".repeat(64), filter.subjectPseudonym());
    }
}
