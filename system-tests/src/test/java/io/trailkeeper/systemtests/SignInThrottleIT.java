package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.basic;
import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password guessing against the real server is cut off: after the configured number of failures a
 * user name, or a client address, is refused (429 problem+json with Retry-After, or a message on the
 * sign-in page) even with the right password, the same for names that have no account; guesses at
 * the current password on the password page count alike.
 *
 * <p>The suite's server trusts X-Forwarded-For from loopback (trailkeeper.signin.trusted-proxies), so
 * each test plays clients at addresses of its own from the documentation ranges (RFC 5737) and never
 * spends the failures the rest of the suite's requests from 127.0.0.1 might need. Every test uses
 * accounts and names of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInThrottleIT {

    private static final int ACCOUNT_LIMIT = Integer.getInteger("trailkeeper.signin.account.max-failures", 3);
    private static final int ADDRESS_LIMIT = Integer.getInteger("trailkeeper.signin.address.max-failures", 10);
    private static final long LOCKOUT_SECONDS = Long.getLong("trailkeeper.signin.lockout-seconds", 900);
    private static final String REFUSED_ON_THE_PAGE = "Too many failed sign-ins";

    private final TrailkeeperClient client = new TrailkeeperClient();

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @Test
    void afterTheConfiguredFailuresEvenTheRightPasswordIsRefusedWith429AndRetryAfter() {
        String[] officer = credentials(client.createAccount("COMPLIANCE_OFFICER"));
        String guesser = "198.51.100.10";
        for (int i = 1; i <= ACCOUNT_LIMIT; i++) {
            assertEquals(401, events(officer[0], "wrong-guess-" + i, guesser).statusCode(), "failure " + i + " is checked");
        }

        HttpResponse<String> refused = events(officer[0], officer[1], guesser);

        assertTooManyRequests(refused);
        HttpResponse<String> fromElsewhere = events(officer[0], officer[1], "198.51.100.11");
        assertTooManyRequests(fromElsewhere);
        assertEquals(200, events(credentials(client.createAccount("AUDITOR")), guesser).statusCode(),
                "the guesser's address is not capped after " + ACCOUNT_LIMIT + " failures, only the name is locked");
    }

    @Test
    void aNameWithoutAccountIsRefusedExactlyLikeOneWithAnAccount() {
        String[] officer = credentials(client.createAccount("COMPLIANCE_OFFICER"));
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= ACCOUNT_LIMIT; i++) {
            assertEquals(401, events(officer[0], "wrong-guess-" + i, "198.51.100.20").statusCode());
            assertEquals(401, events(nobody, "wrong-guess-" + i, "198.51.100.21").statusCode());
        }

        HttpResponse<String> existing = events(officer[0], officer[1], "198.51.100.22");
        HttpResponse<String> unknown = events(nobody, officer[1], "198.51.100.22");

        assertTooManyRequests(existing);
        assertTooManyRequests(unknown);
        JsonObject existingProblem = json(existing.body()).asJsonObject();
        JsonObject unknownProblem = json(unknown.body()).asJsonObject();
        for (String field : new String[]{"type", "title", "detail"}) {
            assertEquals(existingProblem.getString(field), unknownProblem.getString(field), field);
        }
        assertFalse(existing.body().contains(officer[0]), "the answer does not name the account");
    }

    @Test
    void successfulSignInsNeverCountAndOneResetsTheFailures() {
        String[] auditor = credentials(client.createAccount("AUDITOR"));
        String address = "198.51.100.30";
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < ACCOUNT_LIMIT; i++) {
                assertEquals(401, events(auditor[0], "typo-" + i, address).statusCode());
            }
            for (int i = 0; i < 2 * ACCOUNT_LIMIT; i++) {
                assertEquals(200, events(auditor, address).statusCode(), "round " + round + ", success " + i);
            }
        }
    }

    @Test
    void oneAddressTryingManyNamesIsCappedToo() {
        String sprayer = "203.0.113.40";
        for (int i = 1; i <= ADDRESS_LIMIT; i++) {
            String name = "sprayed-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(401, events(name, "Summer2026!", sprayer).statusCode(), "failure " + i + " from the address is checked");
        }
        String[] auditor = credentials(client.createAccount("AUDITOR"));

        assertTooManyRequests(events(auditor, sprayer));
        assertEquals(200, events(auditor, "203.0.113.41").statusCode(), "the same account from another address gets in");
    }

    @Test
    void theSignInPageSaysToTryAgainLaterWithoutSayingWhetherTheAccountExists() {
        String[] officer = credentials(client.createAccount("COMPLIANCE_OFFICER"));
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        FacesForm typo = FacesForm.signIn(client);
        HttpResponse<String> wrong = typo.submit(officer[0], "not-my-password");
        assertEquals(200, wrong.statusCode());
        assertTrue(messages(wrong).contains("User name or password is not correct."), messages(wrong));
        // The page's failure and the API's add up: together they reach the limit.
        for (int i = 2; i <= ACCOUNT_LIMIT; i++) {
            assertEquals(401, events(officer[0], "wrong-guess-" + i, "198.51.100.50").statusCode());
        }
        for (int i = 1; i <= ACCOUNT_LIMIT; i++) {
            assertEquals(401, events(nobody, "wrong-guess-" + i, "198.51.100.51").statusCode());
        }

        HttpResponse<String> refused = FacesForm.signIn(client).submit(officer[0], officer[1]);
        HttpResponse<String> refusedUnknown = FacesForm.signIn(client).submit(nobody, officer[1]);

        assertEquals(429, refused.statusCode(), "the right password during the lock-out does not sign in");
        assertFalse(refused.headers().firstValue("Location").isPresent(), "no redirect into the application");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= LOCKOUT_SECONDS, "Retry-After " + retryAfter);
        assertTrue(messages(refused).contains(REFUSED_ON_THE_PAGE) && messages(refused).contains("try again later"),
                messages(refused));
        assertEquals(messages(refused), messages(refusedUnknown), "the same words for a name without account");
        assertEquals(429, refusedUnknown.statusCode());
    }

    @Test
    void guessingTheCurrentPasswordOnThePasswordPageCountsLikeFailedSignIns() {
        String[] auditor = credentials(client.createAccount("AUDITOR"));
        String unattended = "198.51.100.60";
        HttpClient browser = FacesForm.newBrowser();
        Map<String, String> signIn = new LinkedHashMap<>();
        signIn.put("next", "/app/password.xhtml");
        signIn.put("username", auditor[0]);
        signIn.put("password", auditor[1]);
        signIn.put("submit", "Sign in");
        HttpResponse<String> signedIn = FacesForm.open(client, browser, "/signin.xhtml", "signin", unattended).submit(signIn, unattended);
        assertEquals(302, signedIn.statusCode(), "signed in: " + signedIn.body());

        FacesForm change = FacesForm.open(client, browser, "/app/password.xhtml", "password", unattended);
        for (int i = 1; i <= ACCOUNT_LIMIT; i++) {
            HttpResponse<String> wrong = change.submit(passwordChange("guess-" + i), unattended);
            assertEquals(200, wrong.statusCode());
            assertTrue(messages(wrong).contains("The current password is not correct."), messages(wrong));
            change = change.again(wrong);
        }

        HttpResponse<String> refused = change.submit(passwordChange(auditor[1]), unattended);

        assertEquals(429, refused.statusCode(), "the right current password is refused during the lock-out");
        assertTrue(messages(refused).contains(REFUSED_ON_THE_PAGE), messages(refused));
        assertTooManyRequests(events(auditor, "198.51.100.61"));
    }

    private static Map<String, String> passwordChange(String current) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("current", current);
        fields.put("newPassword", "a-new-password-" + UUID.randomUUID());
        fields.put("confirmation", fields.get("newPassword"));
        fields.put("change", "Change password");
        return fields;
    }

    private HttpResponse<String> events(String user, String password, String forwardedFor) {
        return client.send(HttpRequest.newBuilder(client.uri("/api/events?size=1"))
                        .header("Authorization", basic(user, password))
                        .header("X-Forwarded-For", forwardedFor)
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> events(String[] credentials, String forwardedFor) {
        return events(credentials[0], credentials[1], forwardedFor);
    }

    private static void assertTooManyRequests(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= LOCKOUT_SECONDS, "Retry-After " + retryAfter);
        JsonObject problem = json(response.body()).asJsonObject();
        assertEquals(429, problem.getInt("status"));
        assertEquals("Too Many Requests", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("try again later"), problem.getString("detail"));
        assertFalse(response.body().contains("Exception") || response.body().contains("at io.trailkeeper"),
                "no stack trace in " + response.body());
    }

    /** The global messages the page shows (the list above the form). */
    private static String messages(HttpResponse<String> page) {
        Matcher list = Pattern.compile("<ul id=\"messages\"[^>]*>(.*?)</ul>", Pattern.DOTALL).matcher(page.body());
        return list.find() ? list.group(1).replaceAll("<[^>]+>", "").strip() : "";
    }

    /** [user name, password] of a Basic authorization from {@link TrailkeeperClient#createAccount}. */
    private static String[] credentials(String authorization) {
        return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
    }

}
