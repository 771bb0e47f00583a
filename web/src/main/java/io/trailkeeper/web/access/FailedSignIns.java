package io.trailkeeper.web.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins counted per key (an account name's fingerprint, or a client address). A key's
 * failures add up as long as each comes less than {@code window} after the one before; once the
 * count reaches {@code maxFailures} the key is locked out for {@code lockout}, and when that ends it
 * starts again from zero. So {@code maxFailures} failures within any span of {@code window} always
 * lock, and a patient guesser gets at most {@code maxFailures} guesses per lock-out period.
 *
 * <p>Memory is bounded: at most {@code maxTracked} keys. A key is dropped once its lock-out ended or
 * {@code window} passed since its last failure; when the table is still full, the key touched least
 * recently goes, even if it is counting or locked. Every request for a locked key touches it, so an
 * attacker who keeps trying keeps the lock alive; to push out a lock he no longer hammers he must
 * fill the whole table with fresh failures within the lock-out, which the per-address cap makes
 * expensive. {@link #evictedWhileLive()} tells how often that happened.
 *
 * <p>The table lives in this server's memory only: a cluster behind a load balancer would count per
 * node and needs a shared store instead.
 */
final class FailedSignIns<K> {

    /** How often a full table is searched for expired keys at most; between sweeps the least recent key goes. */
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final int maxTracked;
    private final Clock clock;
    /** Access order: the head is the key touched least recently. */
    private final LinkedHashMap<K, Tally> tallies = new LinkedHashMap<>(64, 0.75f, true);
    private Instant nextSweep = Instant.MIN;
    private long evictedWhileLive;

    FailedSignIns(int maxFailures, Duration window, Duration lockout, int maxTracked, Clock clock) {
        if (maxFailures < 1 || maxTracked < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("a throttle needs at least one failure, one tracked key and positive durations");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /** When the key's lock-out ends, if it is locked out now. */
    synchronized Optional<Instant> lockedUntil(K key) {
        Instant now = clock.instant();
        Tally tally = tallies.get(key);
        if (tally == null) {
            return Optional.empty();
        }
        if (tally.expired(now, window)) {
            tallies.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(tally.lockedUntil);
    }

    /**
     * Counts one failure of the key. Returns when its lock-out ends if this failure started one; a key
     * that is already locked (an attempt admitted just before the lock) keeps its lock-out unchanged.
     */
    synchronized Optional<Instant> failed(K key) {
        Instant now = clock.instant();
        Tally tally = tallies.get(key);
        if (tally != null && tally.expired(now, window)) {
            tallies.remove(key);
            tally = null;
        }
        if (tally == null) {
            makeRoom(now);
            tally = new Tally();
            tallies.put(key, tally);
        }
        if (tally.lockedUntil != null) {
            return Optional.empty();
        }
        tally.failures++;
        tally.lastFailure = now;
        if (tally.failures >= maxFailures) {
            tally.lockedUntil = now.plus(lockout);
            return Optional.of(tally.lockedUntil);
        }
        return Optional.empty();
    }

    /** Forgets the key's failures (a successful sign-in); a running lock-out is not lifted, nobody reaches this while locked. */
    synchronized void forget(K key) {
        Tally tally = tallies.get(key);
        if (tally != null && tally.lockedUntil == null) {
            tallies.remove(key);
        }
    }

    synchronized int tracked() {
        return tallies.size();
    }

    synchronized long evictedWhileLive() {
        return evictedWhileLive;
    }

    int maxFailures() {
        return maxFailures;
    }

    private void makeRoom(Instant now) {
        if (tallies.size() < maxTracked) {
            return;
        }
        // A full sweep is linear in the table; a flood of new keys must not pay it on every request.
        if (!now.isBefore(nextSweep)) {
            tallies.values().removeIf(tally -> tally.expired(now, window));
            nextSweep = now.plus(SWEEP_INTERVAL);
        }
        Iterator<Map.Entry<K, Tally>> leastRecent = tallies.entrySet().iterator();
        while (tallies.size() >= maxTracked && leastRecent.hasNext()) {
            Tally tally = leastRecent.next().getValue();
            leastRecent.remove();
            if (!tally.expired(now, window)) {
                evictedWhileLive++;
            }
        }
    }

    private static final class Tally {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;

        boolean expired(Instant now, Duration window) {
            return lockedUntil != null ? !now.isBefore(lockedUntil) : !now.isBefore(lastFailure.plus(window));
        }
    }
}
