package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.basic;
import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first start of a fresh installation, as the README promises it: no administrator's password is
 * configured, so the server log shows user {@code admin} with a one-time password; signing in with it
 * leads to the password page whatever page was asked for, and the API refuses it (403) except for
 * changing it; once changed, the new password works, the one-time password no longer does, and a
 * later deployment prints no other password.
 *
 * <p>Every other test's server has {@code TRAILKEEPER_ADMIN_PASSWORD}; this one starts the suite's
 * Payara with asadmin itself (after the Arquillian suite, like the crash tests), without it, on an
 * embedded database of its own, so no administrator exists yet.
 */
class FirstStartIT {

    private static final Pattern ONE_TIME = Pattern.compile(
            "TRAILKEEPER FIRST START: administrator 'admin' one-time password: (\\S+) \\(you must change it at first sign-in\\)");

    private static PayaraDomain domain;
    private static long logMark;
    private final TrailkeeperClient client = new TrailkeeperClient();

    @BeforeAll
    static void startWithoutAnAdministratorsPassword() {
        // -Dit.test=FirstStartIT also reaches the Arquillian execution, whose server must not be restarted under it.
        Assumptions.assumeTrue(Boolean.getBoolean("trailkeeper.crash-test"), "runs in the failsafe execution that drives the domain");
        Path database = Path.of(System.getProperty("payara.home")).getParent()
                .resolve("first-start-" + UUID.randomUUID().toString().substring(0, 8)).resolve("trailkeeper");
        domain = PayaraDomain.fromBuild().withEnvironment(Map.of(
                "TRAILKEEPER_ADMIN_PASSWORD", "",
                "TRAILKEEPER_ADMIN_USERNAME", "",
                "TRAILKEEPER_DB_URL", "jdbc:h2:" + database.toAbsolutePath() + ";WRITE_DELAY=0",
                "TRAILKEEPER_DB_USER", ""));
        logMark = domain.logMark();
        domain.start();
        domain.deploy(Path.of(System.getProperty("trailkeeper.ear")));
    }

    @AfterAll
    static void stopTheDomain() {
        if (domain != null) {
            domain.undeployQuietly();
            domain.stopQuietly();
        }
    }

    @Test
    void theOneTimePasswordInTheLogLeadsToThePasswordPageAndTheApiOnlyOnceItIsChanged() {
        String log = domain.logSince(logMark);
        Matcher printed = ONE_TIME.matcher(log);
        assertTrue(printed.find(), "the server log shows the administrator's one-time password; see " + domain.serverLog());
        String oneTime = printed.group(1);
        assertFalse(printed.find(), "printed once");
        assertTrue(oneTime.length() >= 12, "a one-time password of at least 12 characters");

        // The API: refused with the one-time password, except for changing it.
        HttpResponse<String> refused = client.get("/api/events?size=1", basic("admin", oneTime));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(json(refused.body()).asJsonObject().getString("detail").contains("one-time password"), refused.body());
        assertEquals(403, client.get("/api/accounts", basic("admin", oneTime)).statusCode(), "not even the administrator's own API");

        // The pages: signing in leads to the password page, and every other page leads back there.
        HttpClient browser = FacesForm.signedIn(client, "admin", oneTime);
        HttpResponse<String> dashboard = FacesForm.page(client, browser, "/app/dashboard.xhtml");
        assertEquals(302, dashboard.statusCode(), dashboard.body());
        assertTrue(dashboard.headers().firstValue("Location").orElse("").endsWith("/app/password.xhtml"),
                "sent to the password page: " + dashboard.headers().map());
        assertEquals(302, FacesForm.page(client, browser, "/app/integrity.xhtml").statusCode());
        HttpResponse<String> passwordPage = FacesForm.page(client, browser, "/app/password.xhtml");
        assertEquals(200, passwordPage.statusCode());
        assertTrue(passwordPage.body().contains("Change your password"), passwordPage.body());

        String chosen = "chosen-at-first-start-" + UUID.randomUUID();
        HttpResponse<String> changed = client.send("PUT", "/api/me/password", basic("admin", oneTime), "application/json",
                Json.createObjectBuilder().add("currentPassword", oneTime).add("newPassword", chosen).build().toString());
        assertEquals(204, changed.statusCode(), changed.body());

        HttpResponse<String> me = client.get("/api/me", basic("admin", chosen));
        assertEquals(200, me.statusCode(), me.body());
        JsonObject caller = json(me.body()).asJsonObject();
        assertEquals("admin", caller.getString("username"), me.body());
        assertTrue(caller.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString).contains("ADMIN"), me.body());
        assertEquals(200, client.get("/api/accounts", basic("admin", chosen)).statusCode(), "the administrator's API once changed");
        assertEquals(401, client.get("/api/events?size=1", basic("admin", oneTime)).statusCode(), "the one-time password is spent");
        assertEquals(200, FacesForm.page(client, browser, "/app/dashboard.xhtml").statusCode(),
                "the signed-in page session goes on to the dashboard once the password is changed");

        // Another deployment finds the administrator: no new password is made or printed.
        long beforeRedeploy = domain.logMark();
        domain.deploy(Path.of(System.getProperty("trailkeeper.ear")));
        assertFalse(domain.logSince(beforeRedeploy).contains("TRAILKEEPER FIRST START"), "no second one-time password");
        assertEquals(200, client.get("/api/me", basic("admin", chosen)).statusCode(), "the chosen password still works");
    }
}
