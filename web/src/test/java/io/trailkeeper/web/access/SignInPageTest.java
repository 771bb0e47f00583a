package io.trailkeeper.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code safeNext}: where the sign-in page sends a person afterwards; it must never leave the application. */
class SignInPageTest {

    static final String HOME = "/app/dashboard.xhtml";

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "//evil.com",
            "//evil.com/app/dashboard.xhtml",
            "https://evil.com",
            "http://evil.com/app",
            "javascript:alert(1)",
            "evil.com",
            "/\\evil.com",
            "\\\\evil.com",
            "/app\\..\\..\\evil"
    })
    void anythingThatCouldLeaveTheApplicationGoesToTheDashboard(String next) {
        assertEquals(HOME, SignInPage.safeNext(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/events", "/api", "/signin.xhtml", "/signin.xhtml?next=/app/dashboard.xhtml"})
    void theApiAndTheSignInPageItselfAreNoDestination(String next) {
        assertEquals(HOME, SignInPage.safeNext(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/dashboard.xhtml?x=1", "/app/events.xhtml", "/app/password.xhtml"})
    void aPageOfTheApplicationIsKept(String next) {
        assertEquals(next, SignInPage.safeNext(next));
    }
}
