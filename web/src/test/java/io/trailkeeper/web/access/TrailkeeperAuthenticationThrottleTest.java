package io.trailkeeper.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The mechanism with its throttle, both ways in (HTTP Basic on the API, the sign-in page): once a
 * name is locked out, even its right password is refused and never reaches the identity store.
 */
class TrailkeeperAuthenticationThrottleTest {

    static final String PASSWORD = "correct horse battery staple";

    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final AtomicInteger passwordChecks = new AtomicInteger();
    final TrailkeeperAuthentication mechanism = new TrailkeeperAuthentication(credential -> {
        passwordChecks.incrementAndGet();
        UsernamePasswordCredential login = (UsernamePasswordCredential) credential;
        return login.getCaller().equals("alice") && login.getPasswordAsString().equals(PASSWORD)
                ? new CredentialValidationResult("alice", Set.of("AUDITOR"))
                : CredentialValidationResult.INVALID_RESULT;
    }, new SignInThrottle(3, 100, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000, new ClientAddress(Set.of()), clock),
            null, null); // no API tokens and no page sessions in these exchanges

    @Test
    void theApiAnswers429WithRetryAfterToTheRightPasswordOnceTheNameIsLockedOut() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api("alice", "guess-" + i).status);
        }
        clock.advance(Duration.ofMinutes(1));

        Exchange refused = api("alice", PASSWORD);

        assertEquals(429, refused.status);
        assertEquals(AuthenticationStatus.SEND_FAILURE, refused.outcome);
        assertEquals("840", refused.headers.get("Retry-After"), "14 minutes of the lock-out are left");
        assertEquals("application/problem+json", refused.headers.get("Content-Type"));
        assertTrue(refused.body.contains("\"status\":429") && refused.body.contains("try again later"), refused.body);
        assertFalse(refused.body.contains("alice"), "the answer does not repeat the name");
        assertEquals(3, passwordChecks.get(), "the locked-out attempt never reached the identity store");
    }

    @Test
    void aNameWithoutAccountIsAnsweredExactlyLikeOneWithAnAccount() {
        for (int i = 0; i < 3; i++) {
            api("alice", "guess-" + i);
            api("mallory-does-not-exist", "guess-" + i);
        }

        Exchange existing = api("alice", PASSWORD);
        Exchange unknown = api("mallory-does-not-exist", PASSWORD);

        assertEquals(existing.status, unknown.status);
        assertEquals(existing.headers, unknown.headers);
        assertEquals(existing.body, unknown.body);
    }

    @Test
    void aSuccessfulSignInStartsTheNamesCountAgain() {
        api("alice", "guess-1");
        api("alice", "guess-2");
        assertEquals(AuthenticationStatus.SUCCESS, api("alice", PASSWORD).outcome);
        api("alice", "guess-3");
        api("alice", "guess-4");

        assertEquals(AuthenticationStatus.SUCCESS, api("alice", PASSWORD).outcome);
    }

    @Test
    void theSignInPageIsRefusedTooAndToldWhy() {
        Exchange wrong = page("alice", "guess");
        assertEquals(AuthenticationStatus.SEND_FAILURE, wrong.outcome);
        assertNull(wrong.attributes.get(SignInRefusal.REQUEST_ATTRIBUTE), "a plain wrong password is no refusal");
        page("alice", "guess");
        page("alice", "guess");

        Exchange refused = page("alice", PASSWORD);

        assertEquals(AuthenticationStatus.SEND_FAILURE, refused.outcome);
        assertEquals(new SignInRefusal(Duration.ofMinutes(15)), refused.attributes.get(SignInRefusal.REQUEST_ATTRIBUTE));
        assertEquals(3, passwordChecks.get());
        assertEquals("Too many failed sign-ins with this user name or from your network. Please try again later, in about 15 minutes.",
                SignInPage.refusedMessage((SignInRefusal) refused.attributes.get(SignInRefusal.REQUEST_ATTRIBUTE)));
    }

    @Test
    void failuresOnThePageAndOnTheApiAddUp() {
        page("alice", "guess");
        api("alice", "guess");
        page("alice", "guess");

        assertEquals(429, api("alice", PASSWORD).status);
    }

    private Exchange api(String user, String password) {
        Exchange exchange = new Exchange("/api/events", Map.of("Authorization",
                "Basic " + TrailkeeperAuthenticationTest.basic(user + ":" + password)));
        exchange.outcome = mechanism.validateRequest(exchange.request(), exchange.response(), exchange.context(null));
        return exchange;
    }

    private Exchange page(String user, String password) {
        Exchange exchange = new Exchange("/signin.xhtml", Map.of());
        exchange.outcome = mechanism.validateRequest(exchange.request(), exchange.response(),
                exchange.context(new UsernamePasswordCredential(user, password)));
        return exchange;
    }

    /** One request and its response, as far as the mechanism uses them. */
    static final class Exchange {
        final String path;
        final Map<String, String> requestHeaders;
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();
        final StringWriter out = new StringWriter();
        int status = 200;
        String body;
        AuthenticationStatus outcome;

        Exchange(String path, Map<String, String> requestHeaders) {
            this.path = path;
            this.requestHeaders = requestHeaders;
        }

        HttpServletRequest request() {
            return fake(HttpServletRequest.class, (method, args) -> switch (method) {
                case "getRequestURI" -> path;
                case "getContextPath" -> "";
                case "getRemoteAddr" -> "198.51.100.7";
                case "isSecure" -> false;
                case "getHeader" -> requestHeaders.get((String) args[0]);
                case "getHeaders" -> requestHeaders.containsKey((String) args[0])
                        ? Collections.enumeration(java.util.List.of(requestHeaders.get((String) args[0])))
                        : Collections.emptyEnumeration();
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                default -> throw new UnsupportedOperationException(method);
            });
        }

        HttpServletResponse response() {
            return fake(HttpServletResponse.class, (method, args) -> switch (method) {
                case "setStatus" -> status = (Integer) args[0];
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                case "setCharacterEncoding" -> null;
                case "getWriter" -> new PrintWriter(out, true);
                case "flushBuffer" -> body = out.toString();
                default -> throw new UnsupportedOperationException(method);
            });
        }

        HttpMessageContext context(UsernamePasswordCredential credential) {
            return fake(HttpMessageContext.class, (method, args) -> switch (method) {
                case "getAuthParameters" -> credential == null ? AuthenticationParameters.withParams()
                        : AuthenticationParameters.withParams().newAuthentication(true).credential(credential);
                case "isAuthenticationRequest" -> credential != null;
                case "isProtected" -> true;
                case "notifyContainerAboutLogin" -> AuthenticationStatus.SUCCESS;
                default -> throw new UnsupportedOperationException(method);
            });
        }
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args == null ? new Object[0] : args)));
    }
}
