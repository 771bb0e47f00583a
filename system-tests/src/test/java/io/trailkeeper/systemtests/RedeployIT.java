package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
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
 * After the EAR is deployed again (an upgrade, or a second run of the run command), imports and
 * pulls of the earlier deployment are still listed and answered: Payara shows a job execution only
 * to the deployment that started it, and that is said ("UNAVAILABLE"), never answered with a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final String EAR = "redeployed";
    private final TrailkeeperClient client = new TrailkeeperClient();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @Test
    void theHistoryOfAnEarlierDeploymentIsShownAsSuchAndNothingAnswers500() {
        deployer.deploy(EAR);
        try {
            String officer = client.createAccount("COMPLIANCE_OFFICER");
            AgentTrail trail = new AgentTrail();
            String source = "redeploy-" + trail.suffix;
            JsonObject imported = client.importAndWait(officer, source, trail.jsonLines());
            assertEquals("COMPLETED", imported.getString("status"), imported.toString());
            long executionId = imported.getJsonNumber("executionId").longValue();

            deployer.undeploy(EAR);
            deployer.deploy(EAR);

            HttpResponse<String> earlier = client.get("/api/imports/" + executionId, officer);
            assertEquals(200, earlier.statusCode(), earlier.body());
            String status = json(earlier.body()).asJsonObject().getString("status");
            assertTrue(List.of("COMPLETED", "UNAVAILABLE").contains(status), earlier.body());
            for (String path : List.of("/api/imports", "/api/sources", "/api/events?size=1")) {
                HttpResponse<String> answer = client.get(path, officer);
                assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            }
            String sources = client.get("/api/sources", officer).body();
            assertTrue(sources.contains(source), "the source of the earlier import is listed: " + sources);
            HttpResponse<String> again = client.send("POST", "/api/imports?source=" + source, officer, "application/x-ndjson",
                    trail.jsonLines());
            assertEquals(202, again.statusCode(), "the new deployment imports: " + again.body());
        } finally {
            deployer.undeploy(EAR);
        }
    }
}
