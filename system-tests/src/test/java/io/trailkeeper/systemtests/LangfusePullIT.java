package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.platform.boundary.SchemaMigration;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The langfuse-pull job inside the real server against a local HTTP server that plays recorded
 * Langfuse pages (with a 429 and a 500 on the way). The keys reach the job as configuration
 * properties from environment variables the build sets for the server (see the failsafe
 * configuration), exactly as production gives them by password alias or environment.
 */
@ExtendWith(ArquillianExtension.class)
class LangfusePullIT {

    static final String PUBLIC_KEY_PROPERTY = "trailkeeper.source-keys.test.public-key";
    static final String SECRET_KEY_PROPERTY = "trailkeeper.source-keys.test.secret-key";

    @Deployment
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.withTestsInside(LangfusePullIT.class, LangfusePages.class, LangfuseTestServer.class);
    }

    @EJB
    TrailIngestion ingestion;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    /** The values the server sees for the configured properties; the test server demands exactly these. */
    static String key(String environmentVariable) {
        String value = System.getenv(environmentVariable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(environmentVariable + " is not set for the server; run through Maven (failsafe sets it)");
        }
        return value;
    }

    static LangfuseTestServer server(String run, boolean holdPage2) {
        return new LangfuseTestServer(run, key("TRAILKEEPER_SOURCE_KEYS_TEST_PUBLIC_KEY"), key("TRAILKEEPER_SOURCE_KEYS_TEST_SECRET_KEY"), holdPage2);
    }

    static Properties parameters(AuditSource source, LangfuseTestServer langfuse) {
        Properties parameters = new Properties();
        parameters.setProperty("sourceId", source.id().toString());
        parameters.setProperty("source", source.name());
        parameters.setProperty("baseUrl", langfuse.baseUrl());
        parameters.setProperty("publicKeyProperty", PUBLIC_KEY_PROPERTY);
        parameters.setProperty("secretKeyProperty", SECRET_KEY_PROPERTY);
        parameters.setProperty("pageSize", "3");
        parameters.setProperty("initialBackoffMillis", "50");
        parameters.setProperty("maxRetryAfterSeconds", "2");
        parameters.setProperty("runId", UUID.randomUUID().toString());
        return parameters;
    }

    /** Starts a pull that the test server holds on page 2, stops it there and waits until it has stopped. */
    static long pullStoppedOnPage2(JobOperator operator, LangfuseTestServer langfuse, Properties parameters) throws InterruptedException {
        long execution = operator.start("langfuse-pull", parameters);
        assertTrue(langfuse.page2Requested.await(60, TimeUnit.SECONDS), "the pull reached page 2");
        operator.stop(execution);
        langfuse.releasePage2.countDown();
        JobExecution stopped = awaitEnd(operator, execution);
        assertEquals(BatchStatus.STOPPED, stopped.getBatchStatus(), "exit status: " + stopped.getExitStatus());
        return execution;
    }

    static JobExecution awaitEnd(JobOperator operator, long executionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            JobExecution execution = operator.getJobExecution(executionId);
            BatchStatus status = execution.getBatchStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                    || status == BatchStatus.ABANDONED) {
                return execution;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + executionId + " did not end within 90 s");
    }

    static StoreOutcome tally(JobOperator operator, long executionId) {
        return operator.getStepExecutions(executionId).stream()
                .map(StepExecution::getPersistentUserData)
                .filter(StoreOutcome.class::isInstance).map(StoreOutcome.class::cast)
                .reduce(StoreOutcome.NONE, StoreOutcome::plus);
    }

    long count(String sql, UUID sourceId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, sourceId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    long events(UUID sourceId) throws Exception {
        return count("SELECT COUNT(*) FROM audit_event WHERE source_id = ?", sourceId);
    }

    long distinctEvents(UUID sourceId) throws Exception {
        return count("SELECT COUNT(DISTINCT source_event_id) FROM audit_event WHERE source_id = ?", sourceId);
    }

    long quarantined(UUID sourceId) throws Exception {
        return count("SELECT COUNT(*) FROM quarantined_record WHERE source_id = ?", sourceId);
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Langfuse source of this run alone, so counts by source see only what this test pulled. */
    AuditSource langfuseSource(String run) {
        return ingestion.sourceNamed("langfuse-it-" + run, SourceKind.LANGFUSE_API);
    }

    @Test
    void aPullStoresEveryObservationOnceQuarantinesTheBadOneAndAPullAgainStoresNothingNew() throws Exception {
        String run = run();
        AuditSource source = langfuseSource(run);
        JobOperator operator = BatchRuntime.getJobOperator();
        try (LangfuseTestServer langfuse = server(run, false)) {
            long first = operator.start("langfuse-pull", parameters(source, langfuse));
            JobExecution done = awaitEnd(operator, first);
            assertEquals(BatchStatus.COMPLETED, done.getBatchStatus(), "exit status: " + done.getExitStatus());
            assertEquals(new StoreOutcome(LangfusePages.OBSERVATIONS, LangfusePages.VALID, 0, 1), tally(operator, first));
            assertEquals(List.of("", LangfusePages.CURSOR_2, LangfusePages.CURSOR_2, LangfusePages.CURSOR_3, LangfusePages.CURSOR_3),
                    langfuse.cursors(), "each page once more after its 429 or 500, then no request after the last page");
            assertEquals(LangfusePages.VALID, events(source.id()));
            assertEquals(1, quarantined(source.id()));

            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT reason, line_number, raw_size FROM quarantined_record WHERE source_id = ?")) {
                query.setObject(1, source.id());
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("page 2, observation 2 (id " + run + "-0005): timestamp 'yesterday at noon' is not an ISO-8601 date-time;"
                            + " expected e.g. 2026-02-18T05:34:00Z or epoch milliseconds", row.getString(1));
                    assertEquals(5, row.getLong(2), "the fifth observation of the pull");
                    assertTrue(row.getInt(3) > 100, "the observation's own bytes are kept");
                }
            }

            long again = operator.start("langfuse-pull", parameters(source, langfuse));
            assertEquals(BatchStatus.COMPLETED, awaitEnd(operator, again).getBatchStatus());
            assertEquals(new StoreOutcome(LangfusePages.OBSERVATIONS, 0, LangfusePages.VALID, 1), tally(operator, again),
                    "the same data pulled again: all duplicates");
            assertEquals(LangfusePages.VALID, events(source.id()));
            assertEquals(1, quarantined(source.id()), "the same bad observation is kept once");
        }

        List<JsonObject> travel = apiEvents("travel-desk-" + run);
        Map<String, String> actions = new TreeMap<>();
        travel.forEach(e -> actions.put(e.getString("sourceEventId"), e.getString("action") + " " + e.getString("target")));
        assertEquals(Map.of(run + "-0001", "agent travel-planner", run + "-0002", "generation plan-itinerary",
                run + "-0003", "tool search_hotels", run + "-0004", "tool book_hotel"), actions);
        JsonObject booking = travel.stream().filter(e -> e.getString("sourceEventId").endsWith("-0004")).findFirst().orElseThrow();
        assertAll(
                () -> assertEquals("error", booking.getString("result")),
                () -> assertEquals("TimeoutError: booking service did not answer within 30s", booking.getString("error")),
                () -> assertEquals(30_000, booking.getInt("latencyMs")),
                () -> assertEquals("langfuse-it-" + run, booking.getString("source")),
                () -> assertFalse(booking.getString("subjectPseudonym").contains("traveller"), "the subject is pseudonymised"));
        JsonObject generation = travel.stream().filter(e -> e.getString("sourceEventId").endsWith("-0002")).findFirst().orElseThrow();
        assertEquals("gpt-4o-2024-08-06", generation.getString("model"));
        assertEquals(1466, generation.getInt("inputTokens"));
        assertEquals(1, generation.getJsonObject("masked").getInt("emails"), "content is masked on the way in, as for every source");
        assertEquals(3, apiEvents("support-desk-" + run).size());
    }

    @Test
    void aStoppedPullRestartsFromItsCheckpointAndEndsWithExactlyTheSourcesEvents() throws Exception {
        String run = run();
        AuditSource source = langfuseSource(run);
        JobOperator operator = BatchRuntime.getJobOperator();
        try (LangfuseTestServer langfuse = server(run, true)) {
            Properties parameters = parameters(source, langfuse);
            parameters.setProperty("chunkSize", "3");
            long first = pullStoppedOnPage2(operator, langfuse, parameters);
            long storedBeforeRestart = events(source.id());
            assertTrue(storedBeforeRestart >= 3 && storedBeforeRestart < LangfusePages.VALID,
                    "page 1 committed, the rest not yet: " + storedBeforeRestart);
            assertFalse(langfuse.cursors().contains(LangfusePages.CURSOR_3), "the stopped pull never reached page 3");
            int requestsBeforeRestart = langfuse.cursors().size();

            long restarted = operator.restart(first, parameters);
            JobExecution done = awaitEnd(operator, restarted);
            assertEquals(BatchStatus.COMPLETED, done.getBatchStatus(), "exit status: " + done.getExitStatus());
            List<String> afterRestart = new ArrayList<>(langfuse.cursors().subList(requestsBeforeRestart, langfuse.cursors().size()));
            assertFalse(afterRestart.contains(""), "the restart resumed from its checkpoint instead of the first page: " + afterRestart);
            assertEquals(LangfusePages.VALID, events(source.id()));
            assertEquals(LangfusePages.VALID, distinctEvents(source.id()));
            assertEquals(1, quarantined(source.id()));
            StoreOutcome total = tally(operator, restarted);
            assertEquals(LangfusePages.VALID, total.stored(), "the tally survives the restart: " + total);
            assertEquals(0, total.duplicates(), "nothing committed was read twice: " + total);
        }
    }

    /**
     * What a server killed between the two commits of a chunk leaves behind: the chunk's events and
     * Trailkeeper's own checkpoint committed, the batch runtime's checkpoint not. Here the batch
     * runtime has none at all (a new job instance of the same run), the sharpest case of one behind.
     */
    @Test
    void aRunWhoseBatchCheckpointIsBehindResumesFromTheCheckpointCommittedWithItsEvents() throws Exception {
        String run = run();
        AuditSource source = langfuseSource(run);
        JobOperator operator = BatchRuntime.getJobOperator();
        try (LangfuseTestServer langfuse = server(run, true)) {
            Properties parameters = parameters(source, langfuse);
            parameters.setProperty("chunkSize", "3");
            pullStoppedOnPage2(operator, langfuse, parameters);
            long storedBeforeResume = events(source.id());
            int requestsBeforeResume = langfuse.cursors().size();

            long resumed = operator.start("langfuse-pull", parameters);
            JobExecution done = awaitEnd(operator, resumed);
            assertEquals(BatchStatus.COMPLETED, done.getBatchStatus(), "exit status: " + done.getExitStatus());
            List<String> afterResume = new ArrayList<>(langfuse.cursors().subList(requestsBeforeResume, langfuse.cursors().size()));
            assertFalse(afterResume.contains(""), "the run went on from its committed checkpoint, not from the first page: " + afterResume);
            assertEquals(LangfusePages.VALID, events(source.id()));
            StoreOutcome total = tally(operator, resumed);
            assertEquals(new StoreOutcome(LangfusePages.OBSERVATIONS, LangfusePages.VALID, 0, 1), total,
                    "the run's figures carry on from the " + storedBeforeResume + " events committed before: nothing counted twice");
        }
    }

    @Test
    void refusedOrMissingKeysFailThePullWithAReasonThatNamesThePropertiesOnly() throws Exception {
        String run = run();
        AuditSource source = langfuseSource(run);
        JobOperator operator = BatchRuntime.getJobOperator();
        try (LangfuseTestServer langfuse = server(run, false)) {
            Properties wrongKey = parameters(source, langfuse);
            wrongKey.setProperty("publicKeyProperty", SECRET_KEY_PROPERTY);
            JobExecution refused = awaitEnd(operator, operator.start("langfuse-pull", wrongKey));
            assertEquals(BatchStatus.FAILED, refused.getBatchStatus());
            assertEquals("FAILED: Langfuse refused the keys from the configuration properties 'trailkeeper.source-keys.test.secret-key' and "
                    + "'trailkeeper.source-keys.test.secret-key' (HTTP 401); check that they are the public and secret key of the project",
                    refused.getExitStatus());
            assertEquals(List.of(""), langfuse.cursors(), "refused keys are not retried");

            Properties unset = parameters(source, langfuse);
            unset.setProperty("secretKeyProperty", "trailkeeper.source-keys.unset.secret-key");
            JobExecution missing = awaitEnd(operator, operator.start("langfuse-pull", unset));
            assertEquals(BatchStatus.FAILED, missing.getBatchStatus());
            assertEquals("FAILED: the configuration property 'trailkeeper.source-keys.unset.secret-key' is not set; give it as a Payara"
                    + " password alias (asadmin create-password-alias trailkeeper.source-keys.unset.secret-key) or as the environment"
                    + " variable TRAILKEEPER_SOURCE_KEYS_UNSET_SECRET_KEY",
                    missing.getExitStatus());
            assertEquals(1, langfuse.cursors().size(), "nothing is requested without keys");

            // Job parameters naming any other configuration property (the database password, the master key)
            // are refused before anything is read or sent.
            Properties outside = parameters(source, langfuse);
            outside.setProperty("publicKeyProperty", "trailkeeper.crypto.master-key");
            JobExecution refusedName = awaitEnd(operator, operator.start("langfuse-pull", outside));
            assertEquals(BatchStatus.FAILED, refusedName.getBatchStatus());
            assertTrue(refusedName.getExitStatus().startsWith("FAILED: the job parameter 'publicKeyProperty' must be a property of the"
                    + " source-key namespace, trailkeeper.source-keys."), refusedName.getExitStatus());
            assertEquals(1, langfuse.cursors().size(), "nothing is requested with a key from outside the namespace");
            assertEquals(0, events(source.id()));
        }
    }

    @Test
    void aPullToAPrivateHostThatNoAdministratorAllowedRequestsNothing() throws Exception {
        String run = run();
        AuditSource source = langfuseSource(run);
        JobOperator operator = BatchRuntime.getJobOperator();
        try (LangfuseTestServer langfuse = server(run, false)) {
            // 127.0.0.1 is allowed for the tests; the rest of the loopback block is not.
            Properties elsewhere = parameters(source, langfuse);
            elsewhere.setProperty("baseUrl", langfuse.baseUrl().replace("127.0.0.1", "127.0.0.2"));
            JobExecution refused = awaitEnd(operator, operator.start("langfuse-pull", elsewhere));
            assertEquals(BatchStatus.FAILED, refused.getBatchStatus());
            assertTrue(refused.getExitStatus().startsWith("FAILED: nothing was requested: the host 127.0.0.2 is, or resolves to,"
                    + " a loopback, private or other non-public address"), refused.getExitStatus());
            assertEquals(List.of(), langfuse.cursors());
            assertEquals(0, events(source.id()));
        }
    }

    /** The events of one agent as an officer gets them from the REST API. */
    static List<JsonObject> apiEvents(String agent) throws Exception {
        String credentials = "admin:" + key("TRAILKEEPER_ADMIN_PASSWORD");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:8080/api/events?size=50&agent=" + agent))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = Json.createReader(new StringReader(response.body())).readObject();
        List<JsonObject> items = new ArrayList<>();
        for (JsonValue item : list.getJsonArray("items")) {
            items.add(item.asJsonObject());
        }
        return items;
    }
}
