package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Residency over HTTP (issue 14): a source declared EEA, events stored in us-east-1 (a finding),
 * eu-central-1 (none) and mars-north-1 (an unknown region, a finding); a second check adds nothing
 * (exactly once), a later event adds to the same finding, a model without a recorded location is a finding
 * and with DPF recorded passes as conditional; an accepted finding leaves the open list; auditors read only.
 * Findings are picked by this test's own source, so events of other tests on the server never count.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResidencyIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String source = "residency-" + suffix;
    private final String agent = "eu-support-" + suffix;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String officer;
    private int line;

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

    private String event(String region, String model) {
        line++;
        return "{\"timestamp\":\"" + now.minus(line, ChronoUnit.MINUTES) + "\",\"agent_id\":\"" + agent + "\",\"action\":\"chat\","
                + "\"target\":\"ticket/" + line + "\",\"result\":\"ok\",\"user\":\"cust-" + suffix + "-" + line + "\",\"region\":\"" + region + "\""
                + (model == null ? "" : ",\"model\":\"" + model + "\"") + "}";
    }

    private void importLines(String... lines) {
        assertEquals(lines.length, client.importAndWait(officer, source, String.join("\n", lines) + "\n").getInt("stored"));
    }

    private JsonObject check() {
        HttpResponse<String> run = send("POST", "/api/residency/runs", officer, null);
        assertEquals(201, run.statusCode(), run.body());
        return json(run.body()).asJsonObject();
    }

    /** This test's findings of a status, by location. */
    private Map<String, JsonObject> findings(String status) {
        HttpResponse<String> listed = client.get("/api/residency/findings?status=" + status, officer);
        assertEquals(200, listed.statusCode(), listed.body());
        return json(listed.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("source").equals(source))
                .collect(Collectors.toMap(f -> f.getString("location", "(subject)"), Function.identity()));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void anEeaSourceStoredOutsideTheEeaOrInAnUnknownRegionIsAFindingCountedOnce() {
        HttpResponse<String> rule = send("POST", "/api/residency/jurisdictions", officer, Json.createObjectBuilder()
                .add("source", source).add("jurisdiction", "EEA").add("reason", "EU support desk").build());
        assertEquals(201, rule.statusCode(), rule.body());

        importLines(event("us-east-1", null), event("us-east-1", null), event("eu-central-1", null), event("mars-north-1", null));
        JsonObject first = check();
        assertTrue(first.getJsonNumber("events").longValue() >= 4, first.toString());

        Map<String, JsonObject> open = findings("OPEN");
        assertEquals(Set.of("us-east-1", "mars-north-1"), open.keySet(), open.toString());
        JsonObject us = open.get("us-east-1");
        assertEquals("OUTSIDE_POLICY", us.getString("rule"));
        assertEquals("STORAGE", us.getString("aspect"));
        assertEquals("HIGH", us.getString("severity"));
        assertEquals("EEA", us.getString("jurisdiction"));
        assertEquals(agent, us.getString("agent"));
        assertEquals(2, us.getInt("events"));
        assertEquals(2, us.getInt("subjects"));
        assertTrue(us.getString("citation").contains("Art. 44"), us.toString());
        assertFalse(us.getString("catalogVersion").isBlank());
        JsonObject mars = open.get("mars-north-1");
        assertEquals("REGION_UNKNOWN", mars.getString("rule"));
        assertEquals(1, mars.getInt("events"));

        check();
        Map<String, JsonObject> again = findings("OPEN");
        assertEquals(2, again.get("us-east-1").getInt("events"), "a second check counts no event twice");
        assertEquals(1, again.get("mars-north-1").getInt("events"));

        importLines(event("us-east-1", null));
        check();
        JsonObject added = findings("OPEN").get("us-east-1");
        assertEquals(us.getString("id"), added.getString("id"), "the same rule, agent, source and location is one finding");
        assertEquals(3, added.getInt("events"));

        String id = us.getString("id");
        assertProblem(send("PUT", "/api/residency/findings/" + id + "/status", officer, Json.createObjectBuilder()
                .add("status", "ACCEPTED").add("acceptedUntil", now.plus(30, ChronoUnit.DAYS).toString()).build()), 422);
        HttpResponse<String> accepted = send("PUT", "/api/residency/findings/" + id + "/status", officer, Json.createObjectBuilder()
                .add("status", "ACCEPTED").add("reason", "migration to eu-central-1 planned for Q1")
                .add("acceptedUntil", now.plus(30, ChronoUnit.DAYS).toString()).build());
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("ACCEPTED", json(accepted.body()).asJsonObject().getString("status"));
        assertFalse(findings("OPEN").containsKey("us-east-1"), "an accepted finding leaves the open list");
        JsonObject listed = findings("ACCEPTED").get("us-east-1");
        assertEquals("migration to eu-central-1 planned for Q1", listed.getString("statusReason"));
        assertFalse(listed.getString("statusBy").isBlank());
        assertTrue(client.get("/api/residency/runs", officer).body().contains("\"newFindings\""));
    }

    @Test
    void theBatchJobResidencyCheckRunsACheckOnDemand() {
        Instant asked = Instant.now().minusSeconds(1);
        HttpResponse<String> started = send("POST", "/api/residency/runs?job=true", officer, null);
        assertEquals(202, started.statusCode(), started.body());
        assertEquals("residency-check", json(started.body()).asJsonObject().getString("job"));
        assertTrue(json(started.body()).asJsonObject().getJsonNumber("executionId").longValue() > 0, started.body());
        for (int i = 0; i < 60; i++) {
            var runs = json(client.get("/api/residency/runs?limit=1", officer).body()).asJsonArray();
            if (!runs.isEmpty() && !Instant.parse(runs.getJsonObject(0).getString("startedAt")).isBefore(asked)) {
                return;
            }
            TrailkeeperClient.sleep(500);
        }
        throw new AssertionError("the job recorded no run within 30 s");
    }

    @Test
    void aModelWithoutARecordedLocationIsAFindingAndWithDpfRecordedItIsConditionalOk() {
        String model = "model-" + suffix;
        assertEquals(201, send("POST", "/api/residency/jurisdictions", officer, Json.createObjectBuilder()
                .add("agent", agent).add("jurisdiction", "DE").add("reason", "German customers").build()).statusCode());
        importLines(event("eu-central-1", model));
        check();
        JsonObject processing = findings("OPEN").get(model);
        assertEquals("REGION_UNKNOWN", processing.getString("rule"), processing.toString());
        assertEquals("PROCESSING", processing.getString("aspect"));
        assertEquals("DE", processing.getString("jurisdiction"));
        JsonObject recipient = json(client.get("/api/residency/recipients", officer).body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("model").equals(model)).findFirst().orElseThrow();
        assertEquals("NONE", recipient.getString("mechanism"));

        assertProblem(send("PUT", "/api/residency/recipients/" + model, officer, Json.createObjectBuilder()
                .add("provider", "openai").add("location", "mars-north-1").build()), 422);
        HttpResponse<String> recorded = send("PUT", "/api/residency/recipients/" + model, officer, Json.createObjectBuilder()
                .add("provider", "openai").add("location", "api.openai.com").add("mechanism", "DPF_CERTIFIED")
                .add("mechanismDate", "2026-11-01").add("mechanismReference", "DPF list entry").build());
        assertEquals(200, recorded.statusCode(), recorded.body());
        importLines(event("eu-central-1", model));
        check();
        assertEquals(1, findings("OPEN").get(model).getInt("events"), "with DPF recorded the new event is conditional-ok, no finding");

        HttpResponse<String> found = client.get("/api/residency/regions?code=eu-central-1", officer);
        assertEquals("DE", json(found.body()).asJsonObject().getJsonObject("location").getString("country"), found.body());
        assertFalse(json(client.get("/api/residency/regions?code=mars-north-1", officer).body()).asJsonObject().getBoolean("known"));
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        String auditor = client.createAccount("AUDITOR");
        for (String path : List.of("/api/residency/regions", "/api/residency/policies", "/api/residency/jurisdictions",
                "/api/residency/recipients", "/api/residency/findings", "/api/residency/findings?status=OPEN&severity=HIGH",
                "/api/residency/runs")) {
            HttpResponse<String> read = client.get(path, auditor);
            assertEquals(200, read.statusCode(), path + ": " + read.body());
        }
        assertTrue(client.get("/api/residency/policies", auditor).body().contains("\"jurisdiction\":\"EEA\""));
        assertProblem(send("POST", "/api/residency/runs", auditor, null), 403);
        assertProblem(send("POST", "/api/residency/jurisdictions", auditor, Json.createObjectBuilder().add("source", "x")
                .add("jurisdiction", "EEA").add("reason", "r").build()), 403);
        assertProblem(send("PUT", "/api/residency/policies/EEA", auditor, Json.createObjectBuilder().add("name", "n").build()), 403);
        assertProblem(send("PUT", "/api/residency/recipients/gpt-4o", auditor, Json.createObjectBuilder().build()), 403);
        assertProblem(send("PUT", "/api/residency/findings/" + UUID.randomUUID() + "/status", auditor,
                Json.createObjectBuilder().add("status", "RESOLVED").add("reason", "r").build()), 403);
        assertProblem(client.get("/api/residency/findings/" + UUID.randomUUID(), auditor), 404);
        assertProblem(client.get("/api/residency/findings?status=MAYBE", auditor), 422);
    }
}
