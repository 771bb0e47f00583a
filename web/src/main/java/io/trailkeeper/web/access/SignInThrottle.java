package io.trailkeeper.web.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits password guessing (NIST SP 800-63B §5.2.2 "Rate Limiting (Throttling)"; OWASP ASVS 4.0.3
 * V2.2.1). Failed sign-ins are counted per account name and, separately, per client address; a name
 * or address that reaches its limit is locked out, and while it is, every attempt with it is refused
 * before the password is looked at, so even the right password does not get in and guessing stops.
 * A successful sign-in clears its account name's count, never its address's (otherwise one valid
 * account would let an attacker reset the address cap between guesses at other accounts).
 *
 * <p>Names are counted whether an account has them or not, with the same limits and the same answer,
 * so the throttle does not tell which names exist. A name is kept only as a keyed fingerprint
 * (HMAC-SHA-256 under a key made at start-up): no submitted name (people sometimes type their
 * password into it) stays in memory or reaches the log. A lock-out is logged as a WARNING with the
 * client address, personal data kept for the security of the service (GDPR Recital 49), and the
 * name's fingerprint, which means nothing outside this server run.
 *
 * <p>The counts live in this server's memory, bounded by {@code trailkeeper.signin.max-tracked}
 * entries per kind (see {@link FailedSignIns}), and start from zero when it restarts. Several servers
 * behind a load balancer would each count on their own; a cluster needs a shared store.
 *
 * <p>Attempts that were let in at the same moment may all finish after the limit was reached; the
 * overshoot is bounded by the requests the server processes at once.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    private static final Duration EVICTION_WARNING_INTERVAL = Duration.ofMinutes(1);

    private final FailedSignIns<AccountFingerprint> accounts;
    private final FailedSignIns<String> addresses;
    private final ClientAddress clientAddress;
    private final SecretKeySpec fingerprintKey;
    private final Clock clock;
    private final String description;
    private long evictionsWarnedAbout;
    private Instant nextEvictionWarning = Instant.MIN;

    /**
     * Defaults, and why:
     * <ul>
     * <li>10 failures per account name (OWASP Authentication Cheat Sheet, "Account Lockout": the
     * lock-out threshold, observation window and lock-out duration are the three settings). NIST SP
     * 800-63B §5.2.2 allows at most 100 consecutive failed attempts per account; 10 is a tenth of that,
     * enough for a person who mistypes or picks the wrong password manager entry several times, few
     * enough that a guesser learns almost nothing.</li>
     * <li>15 minutes window and lock-out: with both, a guesser gets at most 10 guesses per 15 minutes,
     * 40 an hour, below OWASP ASVS V2.2.1's "no more than 100 failed attempts per hour" on one account.
     * A lock-out that ends by itself rather than waiting for an administrator keeps the throttle from
     * being a tool to lock officers out (OWASP Authentication Cheat Sheet, "Account Lockout").</li>
     * <li>100 failures per client address: the per-account limit does not see one password tried
     * against many names (password spraying); 100 in 15 minutes is far above what the people behind
     * one office's NAT mistype, and caps a sprayer at 100 names per address and lock-out.</li>
     * <li>50,000 tracked entries per kind: about 15 MB of heap when both are full (measured), far more
     * entries than the accounts and offices of one installation.</li>
     * </ul>
     */
    @Inject
    public SignInThrottle(
            @ConfigProperty(name = "trailkeeper.signin.account.max-failures", defaultValue = "10") int accountMaxFailures,
            @ConfigProperty(name = "trailkeeper.signin.address.max-failures", defaultValue = "100") int addressMaxFailures,
            @ConfigProperty(name = "trailkeeper.signin.window-seconds", defaultValue = "900") long windowSeconds,
            @ConfigProperty(name = "trailkeeper.signin.lockout-seconds", defaultValue = "900") long lockoutSeconds,
            @ConfigProperty(name = "trailkeeper.signin.max-tracked", defaultValue = "50000") int maxTracked,
            @ConfigProperty(name = "trailkeeper.signin.trusted-proxies") Optional<String> trustedProxies,
            Clock clock) {
        this(accountMaxFailures, addressMaxFailures, Duration.ofSeconds(windowSeconds), Duration.ofSeconds(lockoutSeconds),
                maxTracked, ClientAddress.trusting(trustedProxies), clock);
    }

    SignInThrottle(int accountMaxFailures, int addressMaxFailures, Duration window, Duration lockout, int maxTracked,
                   ClientAddress clientAddress, Clock clock) {
        try {
            this.accounts = new FailedSignIns<>(accountMaxFailures, window, lockout, maxTracked, clock);
            this.addresses = new FailedSignIns<>(addressMaxFailures, window, lockout, maxTracked, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trailkeeper.signin.account.max-failures, …address.max-failures and "
                    + "…max-tracked must be at least 1, …window-seconds and …lockout-seconds positive", e);
        }
        this.clientAddress = clientAddress;
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
        this.description = accountMaxFailures + " failed sign-ins per user name or " + addressMaxFailures
                + " per client address, each less than " + window.toSeconds() + " s after the one before, lock it out for "
                + lockout.toSeconds() + " s; at most " + maxTracked + " of each tracked, in this server's memory";
    }

    /** For the container's proxy only. */
    protected SignInThrottle() {
        this.accounts = null;
        this.addresses = null;
        this.clientAddress = null;
        this.fingerprintKey = null;
        this.clock = null;
        this.description = null;
    }

    /** Creates the throttle as the web module starts, so a bad setting fails the deployment instead of a sign-in. */
    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext web) {
        LOG.info(() -> "Sign-in throttle: " + description);
    }

    /** The address a request is counted under (the proxy's client when it comes through a trusted proxy). */
    public String addressOf(HttpServletRequest request) {
        // A proxy may add its own header line rather than extend the existing one: read them all, in order.
        Enumeration<String> forwarded = request.getHeaders("X-Forwarded-For");
        String forwardedFor = forwarded == null || !forwarded.hasMoreElements() ? null : String.join(",", Collections.list(forwarded));
        return clientAddress.of(request.getRemoteAddr(), forwardedFor);
    }

    /** Whether an attempt with this name from this address is refused without checking its password. */
    public Optional<SignInRefusal> refusal(String accountName, String address) {
        Instant now = clock.instant();
        Optional<Instant> until = later(accounts.lockedUntil(fingerprint(accountName)), addresses.lockedUntil(address));
        return until.map(end -> new SignInRefusal(Duration.between(now, end)));
    }

    /** Counts a failed attempt (wrong password, or a name no account has) against the name and the address. */
    public void failed(String accountName, String address) {
        AccountFingerprint account = fingerprint(accountName);
        accounts.failed(account).ifPresent(until -> LOG.warning(() -> "Sign-in lock-out: " + accounts.maxFailures()
                + " failed sign-ins for one user name (fingerprint " + account + ", valid for this server run only), the latest from "
                + address + "; further attempts with that name are refused until " + until));
        addresses.failed(address).ifPresent(until -> LOG.warning(() -> "Sign-in lock-out: " + addresses.maxFailures()
                + " failed sign-ins from " + address + "; further attempts from there are refused until " + until));
        warnAboutEvictions();
    }

    /** Counts a failed attempt that names no account (an invalid API token) against the address only. */
    public void failedWithoutName(String address) {
        addresses.failed(address).ifPresent(until -> LOG.warning(() -> "Sign-in lock-out: " + addresses.maxFailures()
                + " failed sign-ins from " + address + "; further attempts from there are refused until " + until));
        warnAboutEvictions();
    }

    /** A successful sign-in: the name's failures are forgiven; the address's stay counted. */
    public void succeeded(String accountName) {
        accounts.forget(fingerprint(accountName));
    }

    private AccountFingerprint fingerprint(String accountName) {
        // Case folded: "Admin" is refused as a user name, but its failures count against "admin".
        String name = accountName == null ? "" : accountName.strip().toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
            return new AccountFingerprint(digest.getLong(), digest.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * A table that was full of live entries dropped some: either a flood of names or addresses, or a
     * limit set too low. Said once a minute at most, not once per request of the flood.
     */
    private synchronized void warnAboutEvictions() {
        long evicted = accounts.evictedWhileLive() + addresses.evictedWhileLive();
        Instant now = clock.instant();
        if (evicted > evictionsWarnedAbout && !now.isBefore(nextEvictionWarning)) {
            LOG.warning("Sign-in throttle: " + (evicted - evictionsWarnedAbout) + " counting or locked entries were dropped because "
                    + "trailkeeper.signin.max-tracked was reached (a flood of sign-ins with different names or addresses?)");
            evictionsWarnedAbout = evicted;
            nextEvictionWarning = now.plus(EVICTION_WARNING_INTERVAL);
        }
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isAfter(b.get()) ? a : b;
    }

    /** 128 bits of the keyed hash of a (case-folded) account name; its {@code toString} is short enough to log. */
    record AccountFingerprint(long high, long low) {
        @Override
        public String toString() {
            return HexFormat.of().toHexDigits(high).substring(0, 12);
        }
    }
}
