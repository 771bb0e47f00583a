package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.basic;
import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Administrators grant, change and remove access, and every change is recorded with who and when:
 * a new account's password is its holder's own, disabling ends every way in at once (password,
 * token, page session), changed roles apply at the next request, and the last administrator stays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountAdministrationIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private final String admin = basic(TrailkeeperClient.ADMIN, TrailkeeperClient.adminPassword());

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @Test
    void accessIsGrantedChangedAndRemovedAtOnceAndEveryChangeIsRecorded() {
        String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        String oneTime = "one-time-" + UUID.randomUUID();
        HttpResponse<String> created = client.send("POST", "/api/accounts", admin, "application/json", Json.createObjectBuilder()
                .add("username", username).add("roles", Json.createArrayBuilder(List.of("COMPLIANCE_OFFICER")))
                .add("password", oneTime).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(json(created.body()).asJsonObject().getBoolean("mustChangePassword"), created.body());

        // The administrator's password works for nothing but choosing the holder's own.
        HttpResponse<String> refused = client.get("/api/events?size=1", basic(username, oneTime));
        assertEquals(403, refused.statusCode(), refused.body());
        String own = "own-" + UUID.randomUUID();
        assertEquals(204, client.send("PUT", "/api/me/password", basic(username, oneTime), "application/json",
                Json.createObjectBuilder().add("currentPassword", oneTime).add("newPassword", own).build().toString()).statusCode());
        String officer = basic(username, own);
        assertEquals(200, client.get("/api/events?size=1", officer).statusCode());
        String token = "Bearer " + json(client.send("POST", "/api/tokens", officer, "application/json", "{\"name\":\"ci\"}").body())
                .asJsonObject().getString("token");
        HttpClient browser = FacesForm.signedIn(client, username, own);
        assertEquals(200, FacesForm.page(client, browser, "/app/events.xhtml").statusCode());

        // Narrower roles apply at the next request, to the password and the token alike.
        assertEquals(200, client.send("PUT", "/api/accounts/" + username, admin, "application/json", "{\"roles\":[\"AUDITOR\"]}").statusCode());
        String source = Json.createObjectBuilder().add("name", "x-" + username).add("kind", "JSONL_FILE").build().toString();
        assertEquals(403, client.send("POST", "/api/sources", officer, "application/json", source).statusCode());
        assertEquals(403, client.send("POST", "/api/sources", token, "application/json", source).statusCode());
        assertEquals(200, client.get("/api/events?size=1", officer).statusCode(), "reading is still an auditor's");
        assertEquals(403, client.get("/api/events?size=1", token).statusCode(), "the token's role went with its owner's");

        // Disabled: every way in ends at once.
        assertEquals(200, client.send("PUT", "/api/accounts/" + username, admin, "application/json", "{\"enabled\":false}").statusCode());
        assertEquals(401, client.get("/api/events?size=1", officer).statusCode());
        assertEquals(401, client.get("/api/events?size=1", token).statusCode());
        HttpResponse<String> session = FacesForm.page(client, browser, "/app/events.xhtml");
        assertEquals(302, session.statusCode());
        assertTrue(session.headers().firstValue("Location").orElse("").contains("/signin.xhtml"), session.headers().map().toString());

        // Enabled again with a reset password: the old one is gone, the new one must be replaced first.
        assertEquals(200, client.send("PUT", "/api/accounts/" + username, admin, "application/json", "{\"enabled\":true}").statusCode());
        String reset = "reset-" + UUID.randomUUID();
        assertEquals(200, client.send("POST", "/api/accounts/" + username + "/password-reset", admin, "application/json",
                Json.createObjectBuilder().add("password", reset).build().toString()).statusCode());
        assertEquals(401, client.get("/api/events?size=1", officer).statusCode());
        assertEquals(403, client.get("/api/events?size=1", basic(username, reset)).statusCode());

        JsonArray changes = json(client.get("/api/accounts/" + username + "/changes", admin).body()).asJsonArray();
        assertEquals(List.of("CREATED", "ROLES_CHANGED", "DISABLED", "ENABLED", "PASSWORD_RESET"),
                changes.getValuesAs(JsonObject.class).stream().map(c -> c.getString("action")).toList(), changes.toString());
        for (JsonObject change : changes.getValuesAs(JsonObject.class)) {
            assertEquals(TrailkeeperClient.ADMIN, change.getString("changedBy"), change.toString());
            assertTrue(change.containsKey("changedAt"), change.toString());
        }
        assertEquals("[COMPLIANCE_OFFICER] -> [AUDITOR]", changes.getJsonObject(1).getString("detail"));
        assertEquals(403, client.get("/api/accounts/" + username + "/changes", client.createAccount("COMPLIANCE_OFFICER")).statusCode());
    }

    @Test
    void theLastAdministratorCanNeitherBeDisabledNorLoseTheRole() {
        // The suite's administrator may be the only one; make sure of it being refused, not of being alone.
        List<JsonObject> accounts = json(client.get("/api/accounts", admin).body()).asJsonArray().getValuesAs(JsonObject.class);
        long enabledAdmins = accounts.stream().filter(a -> a.getBoolean("enabled") && a.getJsonArray("roles").toString().contains("ADMIN")).count();
        if (enabledAdmins == 1) {
            HttpResponse<String> disabled = client.send("PUT", "/api/accounts/admin", admin, "application/json", "{\"enabled\":false}");
            assertEquals(400, disabled.statusCode(), disabled.body());
            assertTrue(disabled.body().contains("last enabled administrator"), disabled.body());
            HttpResponse<String> demoted = client.send("PUT", "/api/accounts/admin", admin, "application/json", "{\"roles\":[\"AUDITOR\"]}");
            assertEquals(400, demoted.statusCode(), demoted.body());
        }
        assertEquals(200, client.get("/api/accounts", admin).statusCode(), "the administrator still administers");
        assertEquals(404, client.send("PUT", "/api/accounts/nobody-here", admin, "application/json", "{\"enabled\":false}").statusCode());
    }
}
