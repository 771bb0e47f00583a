package io.trailkeeper.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttle as the authentication mechanism uses it: per name, per address, refusals and what gets logged. */
class SignInThrottleTest {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final String HOME = "198.51.100.7";
    static final String ELSEWHERE = "203.0.113.9";

    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final SignInThrottle throttle = new SignInThrottle(3, 5, WINDOW, LOCKOUT, 1000, new ClientAddress(Set.of()), clock);

    final List<LogRecord> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override public void publish(LogRecord record) { logged.add(record); }
        @Override public void flush() { }
        @Override public void close() { }
    };
    final Logger log = Logger.getLogger(SignInThrottle.class.getName());

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    @Test
    void aNameWithTooManyFailuresIsRefusedFromEveryAddressUntilTheLockOutEnds() {
        fail("alice", HOME, 3);

        assertEquals(Optional.of(new SignInRefusal(LOCKOUT)), throttle.refusal("alice", HOME));
        assertTrue(throttle.refusal("alice", ELSEWHERE).isPresent(), "the lock is on the name, wherever the next try comes from");
        assertEquals(Optional.empty(), throttle.refusal("bob", HOME), "other names from the same address still get in");

        clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(5), throttle.refusal("alice", HOME).orElseThrow().retryAfter());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), throttle.refusal("alice", HOME));
    }

    @Test
    void aNameNoAccountHasIsCountedAndRefusedExactlyTheSame() {
        fail("alice", HOME, 3);
        fail("no-such-person", ELSEWHERE, 3);

        assertTrue(throttle.refusal("no-such-person", "192.0.2.1").isPresent());
        assertEquals(throttle.refusal("alice", "192.0.2.1"), throttle.refusal("no-such-person", "192.0.2.1"));
    }

    @Test
    void theCaseOfANameDoesNotEscapeItsCount() {
        fail("alice", HOME, 1);
        fail("Alice", HOME, 1);
        fail(" ALICE ", HOME, 1);

        assertTrue(throttle.refusal("alice", HOME).isPresent());
    }

    @Test
    void aSuccessForgivesTheNamesFailuresButNotTheAddresss() {
        fail("alice", HOME, 2);
        throttle.succeeded("alice");
        fail("alice", HOME, 2);
        assertEquals(Optional.empty(), throttle.refusal("alice", HOME), "2 + success + 2 never reach 3");

        fail("carol", HOME, 1); // fifth failure from HOME, successes in between notwithstanding
        assertTrue(throttle.refusal("dave", HOME).isPresent(), "the address is capped at 5 failures");
        assertEquals(Optional.empty(), throttle.refusal("dave", ELSEWHERE));
    }

    @Test
    void oneAddressTryingOnePasswordOnManyNamesIsCapped() {
        for (int i = 0; i < 5; i++) {
            fail("user-" + i, HOME, 1);
        }

        assertTrue(throttle.refusal("alice", HOME).isPresent(), "even a name never tried from there");
        assertEquals(Optional.empty(), throttle.refusal("alice", ELSEWHERE));
    }

    @Test
    void whenNameAndAddressAreBothLockedTheLaterEndIsGiven() {
        fail("alice", HOME, 3);
        clock.advance(Duration.ofMinutes(4));
        fail("bob", HOME, 2); // the fifth failure from HOME, four minutes later

        assertEquals(LOCKOUT, throttle.refusal("alice", HOME).orElseThrow().retryAfter());
    }

    @Test
    void aLockOutIsLoggedWithTheAddressButNeverTheName() {
        fail("alice.secret-name", HOME, 3);
        fail("carol", HOME, 2);

        List<String> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage).toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(HOME) && warnings.get(0).contains("one user name"), warnings.get(0));
        assertTrue(warnings.get(1).contains("5 failed sign-ins from " + HOME), warnings.get(1));
        logged.forEach(r -> {
            String text = String.valueOf(r.getMessage());
            assertFalse(text.toLowerCase().contains("alice") || text.contains("carol"), text);
        });
        assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() < Level.WARNING.intValue()
                && r.getLevel().intValue() >= Level.INFO.intValue() && String.valueOf(r.getMessage()).contains(HOME)),
                "single failures are not logged at INFO");
    }

    @Test
    void nonsensicalSettingsAreRefusedNamingTheKeys() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SignInThrottle(0, 5, WINDOW, LOCKOUT, 1000, new ClientAddress(Set.of()), clock));
        assertTrue(refused.getMessage().contains("trailkeeper.signin.account.max-failures"), refused.getMessage());
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndMinutesForPeople() {
        assertEquals(1, new SignInRefusal(Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(61, new SignInRefusal(Duration.ofMillis(60_001)).retryAfterSeconds());
        assertEquals(2, new SignInRefusal(Duration.ofMillis(60_001)).retryAfterMinutes());
        assertEquals(15, new SignInRefusal(Duration.ofMinutes(15)).retryAfterMinutes());
        assertEquals(1, new SignInRefusal(Duration.ZERO).retryAfterSeconds());
    }

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Optional.empty(), throttle.refusal(name, address), name + " refused before failure " + (i + 1));
            throttle.failed(name, address);
        }
    }
}
