package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.basic;
import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What any API client sees: authentication, roles, problem+json errors, limits, health and OpenAPI. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

    private final TrailkeeperClient client = new TrailkeeperClient();

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    private String auditor;

    @BeforeEach
    void accounts() {
        auditor = client.createAccount("AUDITOR");
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsProblemJson() {
        HttpResponse<String> response = client.get("/api/events", null);

        assertProblem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void aWrongPasswordIs401AndSaysNothingAboutTheAccount() {
        HttpResponse<String> response = client.get("/api/events", basic("admin", "not-the-password"));

        assertProblem(response, 401);
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void anAuditorReadsButCannotStartAnImport() {
        assertEquals(200, client.get("/api/events", auditor).statusCode());

        HttpResponse<String> refused = client.send("POST", "/api/imports?source=x", auditor, "application/x-ndjson", "{}\n");
        assertProblem(refused, 403);
    }

    @Test
    void onlyAdministratorsManageAccounts() {
        assertProblem(client.get("/api/accounts", auditor), 403);
        assertEquals(200, client.get("/api/accounts", basic("admin", TrailkeeperClient.adminPassword())).statusCode());
    }

    @Test
    void badInputIsAProblemWithAReadableDetailAndNoStackTrace() {
        HttpResponse<String> badDate = client.get("/api/events?from=yesterday", auditor);
        assertProblem(badDate, 400);
        assertTrue(json(badDate.body()).asJsonObject().getString("detail").contains("ISO-8601"), badDate.body());

        HttpResponse<String> badSize = client.get("/api/events?size=100000", auditor);
        assertProblem(badSize, 400);

        HttpResponse<String> longResult = client.get("/api/events?result=" + "x".repeat(201), auditor);
        assertProblem(longResult, 400);
        assertTrue(longResult.body().contains("'result' is longer than 200 characters"), longResult.body());

        HttpResponse<String> unknown = client.get("/api/no-such-thing", auditor);
        assertProblem(unknown, 404);

        HttpResponse<String> noEvent = client.get("/api/events/00000000-0000-0000-0000-000000000000", auditor);
        assertProblem(noEvent, 404);
    }

    @Test
    void requestBodiesHaveAnExplicitLimit() {
        String admin = basic("admin", TrailkeeperClient.adminPassword());
        String huge = "{\"username\":\"" + "x".repeat(70_000) + "\"}";

        HttpResponse<String> response = client.send("POST", "/api/accounts", admin, "application/json", huge);

        assertProblem(response, 413);
    }

    @Test
    void healthReportsTheConfiguredDatabase() {
        HttpResponse<String> ready = client.get("/health/ready", null);

        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject check = json(ready.body()).asJsonObject().getJsonArray("checks").stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("trailkeeper-database"))
                .findFirst().orElseThrow();
        assertEquals("UP", check.getString("status"));
        String expected = System.getProperty("trailkeeper.expected-database", "H2");
        assertEquals(expected, check.getJsonObject("data").getString("database"));
    }

    @Test
    void theOpenApiDocumentDescribesTheRestApi() {
        HttpResponse<String> openapi = client.get("/openapi", null);

        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/events"), "events endpoint documented");
        assertTrue(openapi.body().contains("/api/imports"), "imports endpoint documented");
        assertTrue(openapi.body().contains("/api/reports/audit-trail-summary"), "report endpoint documented");
        assertTrue(openapi.body().contains("result as reported by the source"), "the result filter is documented");
        assertTrue(openapi.body().contains("region the agent ran in"), "the region filter is documented");
        assertTrue(openapi.body().contains("/api/integrity/verification"), "verification documented");
        assertTrue(openapi.body().contains("/api/retention/policies"), "retention policies documented");
        assertTrue(openapi.body().contains("/api/retention/dry-run"), "the retention dry run documented");
        assertTrue(openapi.body().contains("/api/residency/findings"), "residency findings documented");
        assertTrue(openapi.body().contains("/api/residency/runs"), "residency checks documented");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = json(response.body()).asJsonObject();
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(response.body().contains("at io.trailkeeper"), "no stack trace in " + response.body());
    }
}
