package io.trailkeeper.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StoreOutcomeTest {

    @Test
    void plusAddsEachFigureSeparately() {
        StoreOutcome first = new StoreOutcome(10, 7, 2, 1);
        StoreOutcome second = new StoreOutcome(100, 60, 30, 10);

        assertEquals(new StoreOutcome(110, 67, 32, 11), first.plus(second));
    }

    @Test
    void noneAddsNothing() {
        StoreOutcome outcome = new StoreOutcome(5, 3, 1, 1);

        assertEquals(outcome, outcome.plus(StoreOutcome.NONE));
        assertEquals(outcome, StoreOutcome.NONE.plus(outcome));
    }

    @Test
    void plusLeavesBothOperandsUnchanged() {
        StoreOutcome first = new StoreOutcome(1, 1, 0, 0);
        StoreOutcome second = new StoreOutcome(2, 0, 1, 1);

        first.plus(second);

        assertEquals(new StoreOutcome(1, 1, 0, 0), first);
        assertEquals(new StoreOutcome(2, 0, 1, 1), second);
    }

    @Test
    void totalsBeyondIntRangeAreKept() {
        StoreOutcome big = new StoreOutcome(3_000_000_000L, 3_000_000_000L, 0, 0);

        assertEquals(6_000_000_000L, big.plus(big).read());
    }
}
