package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Machine clients use API tokens as their owners issue them: shown once, for the owner's roles or
 * fewer, sent as Bearer, refused once revoked; a token cannot issue more tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensIT {

    private final TrailkeeperClient client = new TrailkeeperClient();

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    private JsonObject issue(String owner, String body) {
        HttpResponse<String> issued = client.send("POST", "/api/tokens", owner, "application/json", body);
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
        return json(issued.body()).asJsonObject();
    }

    @Test
    void aPipelineImportsWithATokenItsOwnerIssuedAndNothingAfterItIsRevoked() {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        JsonObject issued = issue(officer, "{\"name\":\"ci pipeline\",\"expiresInDays\":30}");
        String token = issued.getString("token");
        assertTrue(token.startsWith("tkn_"), issued.toString());
        assertEquals(List.of("COMPLIANCE_OFFICER"), issued.getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        String bearer = "Bearer " + token;

        AgentTrail trail = new AgentTrail();
        JsonObject imported = client.importAndWait(bearer, "token-" + trail.suffix, trail.jsonLines());
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        assertEquals(200, client.get("/api/events?size=1", bearer).statusCode());

        HttpResponse<String> listed = client.get("/api/tokens", officer);
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains(token) || listed.body().contains(token.substring(4, 20)), "the secret is shown only once");
        JsonArray mine = json(listed.body()).asJsonArray();
        assertEquals(1, mine.size(), listed.body());
        assertEquals("ci pipeline", mine.getJsonObject(0).getString("name"));

        assertEquals(204, client.send("DELETE", "/api/tokens/" + issued.getString("id"), officer, "application/json", "").statusCode());
        HttpResponse<String> refused = client.get("/api/events?size=1", bearer);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("unknown, expired or revoked"), refused.body());
        JsonObject revoked = json(client.get("/api/tokens", officer).body()).asJsonArray().getJsonObject(0);
        assertTrue(revoked.getString("revokedBy").startsWith("compliance-officer-"), "who revoked it is recorded: " + revoked);
        assertFalse(revoked.isNull("revokedAt"), revoked.toString());
    }

    @Test
    void aTokenCarriesItsOwnersRolesOrFewerAndCannotIssueTokens() {
        String admin = TrailkeeperClient.basic(TrailkeeperClient.ADMIN, TrailkeeperClient.adminPassword());
        String readOnly = "Bearer " + issue(admin, "{\"name\":\"siem\",\"roles\":[\"AUDITOR\"]}").getString("token");
        // The administrator account holds every role; this token may only read.
        assertEquals(200, client.get("/api/events?size=1", readOnly).statusCode());
        assertEquals(403, client.get("/api/accounts", readOnly).statusCode());
        assertEquals(403, client.send("POST", "/api/sources", readOnly, "application/json",
                Json.createObjectBuilder().add("name", "x-" + new AgentTrail().suffix).add("kind", "JSONL_FILE").build().toString())
                .statusCode());
        HttpResponse<String> minting = client.send("POST", "/api/tokens", readOnly, "application/json", "{\"name\":\"more\"}");
        assertEquals(403, minting.statusCode(), minting.body());

        String auditor = client.createAccount("AUDITOR");
        HttpResponse<String> beyond = client.send("POST", "/api/tokens", auditor, "application/json",
                "{\"name\":\"x\",\"roles\":[\"COMPLIANCE_OFFICER\"]}");
        assertEquals(400, beyond.statusCode(), beyond.body());
        assertAll(() -> assertEquals(400, client.send("POST", "/api/tokens", auditor, "application/json", "{\"name\":\"\"}").statusCode()),
                () -> assertEquals(400, client.send("POST", "/api/tokens", auditor, "application/json",
                        "{\"name\":\"x\",\"expiresInDays\":366}").statusCode()),
                () -> assertEquals(404, client.send("DELETE", "/api/tokens/00000000-0000-0000-0000-000000000000", auditor,
                        "application/json", "").statusCode()));
    }

    @Test
    void somethingThatIsNoValidTokenIsRefused() {
        for (String value : new String[] {"Bearer tkn_" + "A".repeat(43), "Bearer nonsense", "Bearer "}) {
            HttpResponse<String> refused = client.get("/api/events", value);
            assertEquals(401, refused.statusCode(), value);
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
    }
}
