package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention over HTTP: officers keep policies (versioned, with reasons), a legal floor refuses a period
 * that undercuts it and names its rule, a legal hold holds events back in the dry run until released,
 * an officer's classification rule takes effect at once, and auditors read everything but change nothing.
 * Policies are narrowed to this test's agents, so events of other tests on the same server never count.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private final AgentTrail trail = new AgentTrail();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String officer;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void officer() {
        officer = client.createAccount("COMPLIANCE_OFFICER");
    }

    private HttpResponse<String> send(String method, String path, String who, JsonObject body) {
        return client.send(method, path, who, "application/json", body == null ? "" : body.toString());
    }

    private JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body()).asJsonObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(status, json(response.body()).asJsonObject().getInt("status"));
    }

    private JsonObject policyFor(String recordClass, int days, String agent) {
        return created(send("POST", "/api/retention/policies", officer, Json.createObjectBuilder().add("recordClass", recordClass)
                .add("periodDays", days).add("agents", Json.createArrayBuilder().add(trail.agent(agent))).add("reason", "test policy").build()));
    }

    private JsonObject dryRunLine(String policyId) {
        HttpResponse<String> response = client.get("/api/retention/dry-run?at=" + now, officer);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).asJsonObject().getJsonArray("policies").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("policyId").equals(policyId)).findFirst().orElseThrow(() -> new AssertionError(response.body()));
    }

    private Instant daysAgo(int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    @Test
    void policiesArePresetChangedWithAReasonRetiredAndEveryVersionIsKept() {
        JsonArray listed = json(client.get("/api/retention/policies/presets", officer).body()).asJsonArray();
        assertTrue(listed.stream().map(JsonValue::asJsonObject).anyMatch(p -> p.getString("code").equals("ERROR_LOG_7D")
                && p.getInt("periodDays") == 7), listed.toString());

        JsonObject policy = created(send("POST", "/api/retention/policies", officer, Json.createObjectBuilder().add("preset", "ERROR_LOG_7D")
                .add("agents", Json.createArrayBuilder().add(trail.agent("crud-bot"))).build()));
        String id = policy.getString("id");
        assertEquals("ERROR_LOG", policy.getString("recordClass"));
        assertEquals(7, policy.getInt("periodDays"));
        assertEquals("DELETE_EVENT", policy.getString("expiryAction"));
        assertEquals(1, policy.getInt("version"));

        assertProblem(send("PUT", "/api/retention/policies/" + id, officer, Json.createObjectBuilder().add("recordClass", "ERROR_LOG")
                .add("periodDays", 14).build()), 422); // no reason
        assertProblem(send("PUT", "/api/retention/policies/" + id, officer, Json.createObjectBuilder().add("recordClass", "NO_SUCH_CLASS")
                .add("periodDays", 0).add("reason", "x").build()), 422);
        JsonObject changed = json(send("PUT", "/api/retention/policies/" + id, officer, Json.createObjectBuilder().add("recordClass", "ERROR_LOG")
                .add("periodDays", 14).add("expiryAction", "KEEP_METADATA_DESTROY_CONTENT")
                .add("agents", Json.createArrayBuilder().add(trail.agent("crud-bot"))).add("reason", "incident reviews need two weeks").build())
                .body()).asJsonObject();
        assertEquals(2, changed.getInt("version"), changed.toString());
        assertEquals(14, changed.getInt("periodDays"));

        HttpResponse<String> retired = send("DELETE", "/api/retention/policies/" + id, officer,
                Json.createObjectBuilder().add("reason", "agent decommissioned").build());
        assertEquals(200, retired.statusCode(), retired.body());
        assertFalse(client.get("/api/retention/policies", officer).body().contains(id));
        assertTrue(client.get("/api/retention/policies?all=true", officer).body().contains(id));

        JsonArray versions = json(client.get("/api/retention/policies/" + id + "/changes", officer).body()).asJsonArray();
        assertEquals(3, versions.size(), versions.toString());
        JsonObject change = versions.getJsonObject(1);
        assertEquals(2, change.getInt("version"));
        assertTrue(change.getString("oldValue").contains("7 days"), change.toString());
        assertTrue(change.getString("newValue").contains("14 days KEEP_METADATA_DESTROY_CONTENT"), change.toString());
        assertEquals("incident reviews need two weeks", change.getString("reason"));
        assertFalse(change.getString("changedBy").isBlank());
        assertEquals("agent decommissioned", versions.getJsonObject(0).getString("reason"));
    }

    @Test
    void aLegalFloorRefusesAShorterPeriodAndNamesItsRule() {
        JsonObject on = Json.createObjectBuilder().add("enabled", true).add("reason", "we process PHI").build();
        assertEquals(200, send("PUT", "/api/retention/frameworks/HIPAA", officer, on).statusCode());
        try {
            HttpResponse<String> refused = send("POST", "/api/retention/policies", officer, Json.createObjectBuilder()
                    .add("preset", "DATA_ACCESS_EVENT_30D").add("agents", Json.createArrayBuilder().add(trail.agent("phi-bot"))).build());
            assertProblem(refused, 422);
            String detail = json(refused.body()).asJsonObject().getString("detail");
            assertTrue(detail.contains("HIPAA documentation retention") && detail.contains("45 CFR 164.316(b)(2)(i)"), detail);
            assertEquals("urn:trailkeeper:problem:below-legal-floor", json(refused.body()).asJsonObject().getString("type"));

            JsonObject preset = json(client.get("/api/retention/policies/presets", officer).body()).asJsonArray().stream()
                    .map(JsonValue::asJsonObject).filter(p -> p.getString("code").equals("DATA_ACCESS_EVENT_30D")).findFirst().orElseThrow();
            assertFalse(preset.getBoolean("allowed"), preset.toString());
            assertEquals(2192, preset.getJsonObject("floor").getInt("days"));

            JsonObject kept = policyFor("DATA_ACCESS_EVENT", 2192, "phi-bot");
            assertEquals("45 CFR 164.316(b)(2)(i)", kept.getJsonObject("floor").getString("citation"));
            send("DELETE", "/api/retention/policies/" + kept.getString("id"), officer, Json.createObjectBuilder().add("reason", "done").build());
        } finally {
            send("PUT", "/api/retention/frameworks/HIPAA", officer, Json.createObjectBuilder().add("enabled", false).add("reason", "test over").build());
        }
    }

    @Test
    void aLegalHoldHoldsItsEventsBackInTheDryRunUntilReleased() {
        trail.action("hold-bot", "chat", daysAgo(200), "ok")      // cust-0
                .action("hold-bot", "chat", daysAgo(150), "ok")   // cust-1
                .action("hold-bot", "chat", daysAgo(120), "ok")   // cust-2
                .action("hold-bot", "chat", daysAgo(10), "ok");   // not expired
        assertEquals(4, client.importAndWait(officer, "retention-" + trail.suffix, trail.jsonLines()).getInt("stored"));
        String policy = policyFor("CONVERSATION_LOG", 90, "hold-bot").getString("id");

        JsonObject before = dryRunLine(policy);
        assertEquals(3, before.getInt("expired"), before.toString());
        assertEquals(3, before.getInt("wouldGo"));
        assertEquals(0, before.getInt("heldBack"));
        assertEquals(daysAgo(200).toString(), before.getString("oldestAffected"));
        assertEquals(daysAgo(120).toString(), before.getString("newestAffected"));

        JsonObject hold = created(send("POST", "/api/retention/holds", officer, Json.createObjectBuilder()
                .add("matter", "Doe v. Acme " + trail.suffix).add("reason", "litigation notice")
                .add("subjects", Json.createArrayBuilder().add("cust-0")).add("agents", Json.createArrayBuilder().add(trail.agent("hold-bot")))
                .build()));
        assertEquals(1, hold.getJsonArray("subjectPseudonyms").size());
        assertFalse(hold.toString().contains("cust-0"), "the subject's identifier is never stored or returned: " + hold);

        JsonObject held = dryRunLine(policy);
        assertEquals(3, held.getInt("expired"), held.toString());
        assertEquals(2, held.getInt("wouldGo"));
        assertEquals(1, held.getInt("heldBack"));
        JsonObject by = held.getJsonArray("heldBackBy").stream().map(JsonValue::asJsonObject)
                .filter(b -> hold.getString("id").equals(b.getString("holdId", null))).findFirst().orElseThrow(() -> new AssertionError(held.toString()));
        assertEquals("LEGAL_HOLD", by.getString("kind"));
        assertEquals("Doe v. Acme " + trail.suffix, by.getString("name"));
        assertEquals(hold.getString("id"), by.getString("holdId"));
        assertEquals(1, by.getInt("events"));
        assertEquals(daysAgo(150).toString(), held.getString("oldestAffected"), "the held event is not among those that go");

        assertProblem(send("POST", "/api/retention/holds/" + hold.getString("id") + "/release", officer,
                Json.createObjectBuilder().build()), 422); // no reason
        HttpResponse<String> released = send("POST", "/api/retention/holds/" + hold.getString("id") + "/release", officer,
                Json.createObjectBuilder().add("reason", "case settled").build());
        assertEquals(200, released.statusCode(), released.body());
        assertFalse(json(released.body()).asJsonObject().getBoolean("active"));
        assertProblem(send("POST", "/api/retention/holds/" + hold.getString("id") + "/release", officer,
                Json.createObjectBuilder().add("reason", "again").build()), 409);
        assertEquals(0, dryRunLine(policy).getInt("heldBack"));
        JsonArray holdChanges = json(client.get("/api/retention/changes?kind=HOLD", officer).body()).asJsonArray();
        assertTrue(holdChanges.stream().map(JsonValue::asJsonObject).anyMatch(c -> c.getString("subjectId").equals(hold.getString("id"))
                && "case settled".equals(c.getString("reason"))), holdChanges.toString());
    }

    @Test
    void anOfficersClassificationRuleTakesEffectAtOnceAndUnmatchedEventsAreCounted() {
        trail.action("memory-bot", "note.save", daysAgo(5), "ok");
        assertEquals(1, client.importAndWait(officer, "retention-" + trail.suffix, trail.jsonLines()).getInt("stored"));
        String policy = policyFor("AGENT_MEMORY", 1, "memory-bot").getString("id");
        assertEquals(0, dryRunLine(policy).getInt("expired"), "note.save matches no default rule");
        JsonObject unclassified = json(client.get("/api/retention/classes", officer).body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getBoolean("defaultClass")).findFirst().orElseThrow();
        assertTrue(unclassified.getInt("events") >= 1, unclassified.toString());

        JsonObject rule = created(send("POST", "/api/retention/rules", officer, Json.createObjectBuilder().add("evaluationOrder", 1)
                .add("recordClass", "AGENT_MEMORY").add("agentPattern", trail.agent("memory-bot")).add("actionPattern", "NOTE.*")
                .add("reason", "this agent's notes are its memory").build()));
        assertEquals(1, dryRunLine(policy).getInt("expired"));

        assertEquals(204, send("DELETE", "/api/retention/rules/" + rule.getString("id"), officer,
                Json.createObjectBuilder().add("reason", "test over").build()).statusCode());
        assertEquals(0, dryRunLine(policy).getInt("expired"));
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        String auditor = client.createAccount("AUDITOR");
        for (String path : List.of("/api/retention/classes", "/api/retention/rules", "/api/retention/policies",
                "/api/retention/policies/presets", "/api/retention/policies/conflicts", "/api/retention/holds",
                "/api/retention/frameworks", "/api/retention/changes", "/api/retention/dry-run")) {
            HttpResponse<String> read = client.get(path, auditor);
            assertEquals(200, read.statusCode(), path + ": " + read.body());
        }
        JsonObject policy = Json.createObjectBuilder().add("preset", "ERROR_LOG_7D").build();
        assertProblem(send("POST", "/api/retention/policies", auditor, policy), 403);
        assertProblem(send("POST", "/api/retention/holds", auditor, Json.createObjectBuilder().add("matter", "m").add("reason", "r").build()), 403);
        assertProblem(send("PUT", "/api/retention/frameworks/SOC2", auditor, Json.createObjectBuilder().add("enabled", true).build()), 403);
        assertProblem(send("POST", "/api/retention/rules", auditor, Json.createObjectBuilder().add("recordClass", "ERROR_LOG").build()), 403);
        assertProblem(send("POST", "/api/retention/classes", auditor, Json.createObjectBuilder().add("code", "X_CLASS").build()), 403);
        String id = policyFor("ERROR_LOG", 7, "audited-bot").getString("id");
        assertProblem(send("DELETE", "/api/retention/policies/" + id, auditor, Json.createObjectBuilder().add("reason", "r").build()), 403);
        assertProblem(send("PUT", "/api/retention/policies/" + id, auditor, policy), 403);
        assertProblem(client.get("/api/retention/policies/not-an-id", auditor), 404);
    }
}
