package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After the EAR is deployed again (an upgrade, or a second run of the run command), the imports of
 * the earlier deployment are shown from Trailkeeper's own records as they ended, and an import the
 * redeploy interrupted goes on by itself in the new deployment: Payara lets a new deployment neither
 * read nor restart the job executions of the one before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final String EAR = "redeployed";
    private static final int LINES = 60_000;
    private final TrailkeeperClient client = new TrailkeeperClient();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @Test
    void importsOfAnEarlierDeploymentAreShownAsTheyEndedAndOneItInterruptedFinishesInTheNext() {
        deployer.deploy(EAR);
        try {
            String officer = client.createAccount("COMPLIANCE_OFFICER");
            AgentTrail small = new AgentTrail();
            String source = "redeploy-" + small.suffix;
            JsonObject finished = client.importAndWait(officer, source, small
                    .action("bot", "crm.lookup", Instant.parse("2026-11-02T10:00:00Z"), "success")
                    .action("bot", "crm.update", Instant.parse("2026-11-02T10:01:00Z"), "success").jsonLines());
            assertEquals("COMPLETED", finished.getString("status"), finished.toString());
            long finishedId = finished.getJsonNumber("executionId").longValue();

            AgentTrail large = new AgentTrail();
            Instant at = Instant.parse("2026-11-03T00:00:00Z");
            for (int line = 0; line < LINES; line++) {
                large.action("bulk", "crm.lookup", at.plusMillis(line), "success");
            }
            long running = start(officer, source, large.jsonLines());
            awaitSomeCommitted(officer, running);

            deployer.undeploy(EAR);
            deployer.deploy(EAR);

            HttpResponse<String> earlier = client.get("/api/imports/" + finishedId, officer);
            assertEquals(200, earlier.statusCode(), earlier.body());
            JsonObject shown = json(earlier.body()).asJsonObject();
            assertEquals("COMPLETED", shown.getString("status"), "an import of the earlier deployment, as it ended: " + shown);
            assertEquals(2, shown.getJsonNumber("stored").longValue(), shown.toString());

            JsonObject interrupted = status(officer, running);
            assertEquals("INTERRUPTED", interrupted.getString("status"), "stopped with its deployment: " + interrupted);
            long continued = awaitContinued(officer, running);
            JsonObject done = awaitFinished(officer, continued);
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(running, done.getJsonNumber("restartedFrom").longValue(), done.toString());
            assertEquals(LINES, done.getJsonNumber("read").longValue(), done.toString());
            assertEquals(LINES, done.getJsonNumber("stored").longValue(), "each line stored once: " + done);
            assertEquals(0, done.getJsonNumber("duplicates").longValue(),
                    "stopped at a chunk boundary, the continuation re-reads nothing: " + done);

            for (String path : List.of("/api/imports", "/api/sources", "/api/events?size=1")) {
                HttpResponse<String> answer = client.get(path, officer);
                assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            }
            String sourceId = json(client.get("/api/sources", officer).body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                    .filter(s -> s.getString("name").equals(source)).findFirst().orElseThrow().getString("id");
            JsonArray pulls = json(client.get("/api/sources/" + sourceId + "/pulls", officer).body()).asJsonArray();
            assertEquals(List.of(continued + ":RESUME:COMPLETED", running + ":UPLOAD:INTERRUPTED", finishedId + ":UPLOAD:COMPLETED"),
                    pulls.stream().map(JsonValue::asJsonObject)
                            .map(p -> p.getJsonNumber("executionId") + ":" + p.getString("trigger") + ":" + p.getString("status")).toList(),
                    "the source's pulls, newest first: " + pulls);
        } finally {
            deployer.undeploy(EAR);
        }
    }

    private long start(String officer, String source, String jsonLines) {
        HttpResponse<String> started = client.send("POST", "/api/imports?source=" + source + "&fileName=large.jsonl", officer,
                "application/x-ndjson", jsonLines);
        assertEquals(202, started.statusCode(), started.body());
        return json(started.body()).asJsonObject().getJsonNumber("executionId").longValue();
    }

    private void awaitSomeCommitted(String officer, long execution) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = status(officer, execution);
            if (status.getJsonNumber("stored").longValue() > 0) {
                assertEquals("STARTED", status.getString("status"), "the import must still run at the redeploy: " + status);
                return;
            }
            TrailkeeperClient.sleep(100);
        }
        throw new IllegalStateException("no chunk of import " + execution + " committed within 120 s");
    }

    private long awaitContinued(String officer, long execution) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject status = null;
        while (System.nanoTime() < deadline) {
            status = status(officer, execution);
            long latest = status.getJsonNumber("latestExecutionId").longValue();
            if (latest != execution) {
                return latest;
            }
            TrailkeeperClient.sleep(300);
        }
        throw new IllegalStateException("import " + execution + " was not continued by the new deployment: " + status);
    }

    private JsonObject awaitFinished(String officer, long execution) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonObject status = null;
        while (System.nanoTime() < deadline) {
            status = status(officer, execution);
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED", "INTERRUPTED").contains(status.getString("status"))) {
                return status;
            }
            TrailkeeperClient.sleep(500);
        }
        throw new IllegalStateException("import " + execution + " did not finish within 180 s: " + status);
    }

    private JsonObject status(String officer, long execution) {
        HttpResponse<String> response = client.get("/api/imports/" + execution, officer);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).asJsonObject();
    }
}
