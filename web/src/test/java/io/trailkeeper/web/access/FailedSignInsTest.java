package io.trailkeeper.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Counting failures per key: when a key locks, for how long, when it is forgiven, and that memory stays bounded. */
class FailedSignInsTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(10);

    final AdjustableClock clock = new AdjustableClock(START);
    final FailedSignIns<String> failures = new FailedSignIns<>(3, WINDOW, LOCKOUT, 1000, clock);

    @Test
    void reachingTheLimitLocksTheKeyForTheLockOutPeriod() {
        assertEquals(Optional.empty(), failures.failed("alice"));
        assertEquals(Optional.empty(), failures.failed("alice"));
        assertEquals(Optional.empty(), failures.lockedUntil("alice"), "two of three allowed failures do not lock");

        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(START.plusSeconds(5).plus(LOCKOUT)), failures.failed("alice"));
        assertEquals(Optional.of(START.plusSeconds(5).plus(LOCKOUT)), failures.lockedUntil("alice"));
        assertEquals(Optional.empty(), failures.lockedUntil("bob"), "other keys are not affected");
    }

    @Test
    void attemptsDuringTheLockOutDoNotExtendIt() {
        lock("alice");
        Instant until = failures.lockedUntil("alice").orElseThrow();

        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), failures.failed("alice"), "an attempt admitted just before the lock");

        assertEquals(Optional.of(until), failures.lockedUntil("alice"));
    }

    @Test
    void theLockOutEndsByItselfAndTheCountStartsAgain() {
        lock("alice");

        clock.advance(LOCKOUT.minusSeconds(1));
        assertTrue(failures.lockedUntil("alice").isPresent(), "still locked a second before the end");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), failures.lockedUntil("alice"));

        failures.failed("alice");
        failures.failed("alice");
        assertEquals(Optional.empty(), failures.lockedUntil("alice"), "the failures before the lock-out are gone");
        assertTrue(failures.failed("alice").isPresent(), "a full new set of failures locks again");
    }

    @Test
    void failuresAreForgottenWhenTheWindowPassesWithoutAnother() {
        failures.failed("alice");
        failures.failed("alice");

        clock.advance(WINDOW);
        failures.failed("alice");
        failures.failed("alice");

        assertEquals(Optional.empty(), failures.lockedUntil("alice"));
    }

    @Test
    void failuresCloserThanTheWindowKeepAddingUpHoweverSlowTheyCome() {
        failures.failed("alice");
        clock.advance(WINDOW.minusSeconds(1));
        failures.failed("alice");
        clock.advance(WINDOW.minusSeconds(1));

        assertTrue(failures.failed("alice").isPresent(), "three failures, each less than a window after the previous, lock");
    }

    @Test
    void forgettingClearsTheCountButNotARunningLockOut() {
        failures.failed("alice");
        failures.failed("alice");
        failures.forget("alice");
        failures.failed("alice");
        failures.failed("alice");
        assertEquals(Optional.empty(), failures.lockedUntil("alice"), "a success in between: two and two never make three");

        failures.failed("alice");
        failures.forget("alice");
        assertTrue(failures.lockedUntil("alice").isPresent());
    }

    @Test
    void aFloodOfNewKeysNeverGrowsTheTableBeyondItsCap() {
        FailedSignIns<String> small = new FailedSignIns<>(3, WINDOW, LOCKOUT, 100, clock);

        for (int i = 0; i < 10_000; i++) {
            small.failed("name-" + i);
            assertTrue(small.tracked() <= 100, "tracked " + small.tracked());
        }
        assertEquals(100, small.tracked());
        assertEquals(9_900, small.evictedWhileLive(), "every eviction of a counting key is counted");
    }

    @Test
    void expiredKeysMakeRoomBeforeLiveOnesAreDropped() {
        FailedSignIns<String> small = new FailedSignIns<>(3, WINDOW, LOCKOUT, 10, clock);
        for (int i = 0; i < 9; i++) {
            small.failed("old-" + i);
        }
        clock.advance(WINDOW.minusMinutes(1));
        lock(small, "target");
        clock.advance(Duration.ofMinutes(1)); // the nine old counts have expired, the lock has not

        for (int i = 0; i < 9; i++) {
            small.failed("new-" + i);
        }

        assertTrue(small.lockedUntil("target").isPresent(), "the lock survives: the expired keys made the room");
        assertEquals(0, small.evictedWhileLive());
    }

    @Test
    void whenTheTableIsFullOfLiveKeysTheLeastRecentlyTouchedGoesFirst() {
        FailedSignIns<String> small = new FailedSignIns<>(3, WINDOW, LOCKOUT, 10, clock);
        lock(small, "hammered");
        lock(small, "abandoned");
        for (int i = 0; i < 8; i++) {
            small.failed("filler-" + i);
        }

        small.lockedUntil("hammered"); // the attacker keeps trying this one
        small.failed("one-more");

        assertTrue(small.lockedUntil("hammered").isPresent(), "a lock someone keeps running into is kept");
        assertEquals(Optional.empty(), small.lockedUntil("abandoned"), "the least recently touched entry made room");
        assertEquals(1, small.evictedWhileLive());
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FailedSignIns<String>(0, WINDOW, LOCKOUT, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new FailedSignIns<String>(3, Duration.ZERO, LOCKOUT, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new FailedSignIns<String>(3, WINDOW, Duration.ofSeconds(-1), 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new FailedSignIns<String>(3, WINDOW, LOCKOUT, 0, clock));
    }

    private void lock(String key) {
        lock(failures, key);
    }

    private static void lock(FailedSignIns<String> table, String key) {
        table.failed(key);
        table.failed(key);
        assertTrue(table.failed(key).isPresent(), key + " locked");
    }
}
