package io.trailkeeper.web.access;

import java.time.Duration;

/**
 * A sign-in refused by the throttle without looking at the password. It says the same for an account
 * name that exists and one that does not, and does not say whether the name or the address is locked.
 */
record SignInRefusal(Duration retryAfter) {

    /** Request attribute through which the authentication mechanism tells the sign-in page. */
    static final String REQUEST_ATTRIBUTE = SignInRefusal.class.getName();

    static final String DETAIL = "too many failed sign-ins for this user name or from this address; try again later";

    /** For the {@code Retry-After} header (RFC 9110 §10.2.3): whole seconds, rounded up, at least 1. */
    long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** For people: whole minutes, rounded up, at least 1. */
    long retryAfterMinutes() {
        return (retryAfterSeconds() + 59) / 60;
    }
}
