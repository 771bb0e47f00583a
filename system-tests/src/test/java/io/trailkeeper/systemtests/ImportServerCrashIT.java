package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a server crash: an import is running, the server JVM is killed with SIGKILL
 * after some chunks have committed, the server is started again with the EAR deployed anew (as the
 * run command does with a changed EAR, and as an upgrade does), and the import resumes from its
 * checkpoint by itself, from Trailkeeper's own records. In the end the trail holds exactly the file's events (none lost, none
 * twice), every malformed line is quarantined exactly once, and the tamper-evident log verifies.
 *
 * <p>Runs in its own failsafe execution after the Arquillian suite, on the same unpacked Payara and
 * the same database, which it drives with asadmin itself.
 */
class ImportServerCrashIT {

    private static final int LINES = 60_000;
    /** Line numbers (1-based) of lines that cannot be read: before the crash and after it. */
    private static final List<Integer> MALFORMED = List.of(7, 1_503, 20_000, 39_999, 52_001, 59_998);
    private static final Instant DAY = Instant.parse("2026-10-12T00:00:00Z");

    private static PayaraDomain domain;
    private static final TrailkeeperClient client = new TrailkeeperClient();

    @BeforeAll
    static void onlyInTheCrashExecution() {
        // -Dit.test=ImportServerCrashIT also reaches the Arquillian execution, which has no server to crash.
        Assumptions.assumeTrue(Boolean.getBoolean("trailkeeper.crash-test"), "runs in the crash-test failsafe execution only");
        domain = PayaraDomain.fromBuild();
        domain.start();
        domain.enableAutomaticTransactionRecovery();
        domain.deploy(Path.of(System.getProperty("trailkeeper.ear")));
        awaitReady();
    }

    @AfterAll
    static void stopTheDomain() {
        if (domain != null) {
            domain.stopQuietly();
        }
    }

    @Test
    void anImportInterruptedByACrashEndsWithExactlyTheEventsOfItsFile() throws Exception {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String agent = "crash-bot-" + suffix;
        Trail trail = Trail.write(Path.of(System.getProperty("payara.home")).getParent().resolve("crash-trail-" + suffix + ".jsonl"),
                suffix, agent);

        long first;
        try {
            first = upload(officer, "crash-test-" + suffix, trail.file());
        } finally {
            Files.delete(trail.file()); // the server keeps its own copy in the import inbox
        }
        long storedBeforeCrash = awaitSomeCommittedChunks(officer, agent, first);
        domain.killHard();
        startAsANewDeployment();
        JsonObject interrupted = awaitResumed(officer, first);
        long resumed = interrupted.getJsonNumber("latestExecutionId").longValue();
        JsonObject done = awaitFinished(officer, resumed);

        assertEquals("INTERRUPTED", interrupted.getString("status"), "the crashed execution is no longer shown as running: " + interrupted);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(first, done.getJsonNumber("restartedFrom").longValue(), done.toString());
        assertEquals(trail.distinctValid(), storedEvents(officer, agent), "events stored (crash after " + storedBeforeCrash + ")");
        assertEquals(LINES, done.getJsonNumber("read").longValue(), done.toString());
        assertEquals(trail.distinctValid(), done.getJsonNumber("stored").longValue(), done.toString());
        assertEquals(trail.duplicateLines(), done.getJsonNumber("duplicates").longValue(), done.toString());
        assertEquals(MALFORMED.size(), done.getJsonNumber("quarantined").longValue(), done.toString());

        JsonArray quarantined = json(client.get("/api/quarantine?source=crash-test-" + suffix + "&size=100", officer).body()).asJsonArray();
        List<Long> lines = quarantined.stream().map(q -> q.asJsonObject().getJsonNumber("lineNumber").longValue()).sorted().toList();
        assertEquals(MALFORMED.stream().map(Integer::longValue).toList(), lines, "each malformed line quarantined exactly once");

        assertHistoryShown(officer, "crash-test-" + suffix, first, resumed);

        JsonObject verification = json(client.get("/api/integrity/verification", officer).body()).asJsonObject();
        assertTrue(verification.getBoolean("ok"), verification.toString());
        // A deleted event keeps its leaf and adds its deletion leaf (EventDeletionIntegrityIT runs on the same database).
        assertEquals(allEvents(officer) + 2 * verification.getJsonNumber("deletionsAccountedFor").longValue(),
                verification.getJsonNumber("checkedSize").longValue(), "log size == events + 2 x recorded deletions: " + verification);
    }

    @Test
    void aLangfusePullInterruptedByACrashResumesFromItsCursorAndEndsWithExactlyTheSourcesEvents() throws Exception {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        String run = LangfusePullIT.run();
        // The recorded API runs in this JVM, so it outlives the server; it holds the first request for page 2.
        try (LangfuseTestServer langfuse = LangfusePullIT.server(run, true)) {
            HttpResponse<String> added = client.send("POST", "/api/sources", officer, "application/json",
                    Json.createObjectBuilder().add("name", "langfuse-crash-" + run).add("kind", "LANGFUSE_API")
                            .add("baseUrl", langfuse.baseUrl()).add("publicKeyProperty", LangfusePullIT.PUBLIC_KEY_PROPERTY)
                            .add("secretKeyProperty", LangfusePullIT.SECRET_KEY_PROPERTY).add("pageSize", 3)
                            .add("enabled", false).build().toString());
            assertEquals(201, added.statusCode(), added.body());
            String source = json(added.body()).asJsonObject().getString("id");
            HttpResponse<String> pulled = client.send("POST", "/api/sources/" + source + "/pulls", officer, "application/json", "");
            assertEquals(202, pulled.statusCode(), pulled.body());
            long crashed = json(pulled.body()).asJsonObject().getJsonArray("started").getJsonObject(0).getJsonNumber("executionId").longValue();

            assertTrue(langfuse.page2Requested.await(60, TimeUnit.SECONDS), "the pull reached page 2");
            long storedBeforeCrash = eventsOf(officer, source);
            assertTrue(storedBeforeCrash > 0, "page 1 was committed before page 2 was asked for");
            domain.killHard();
            langfuse.releasePage2.countDown(); // the held answer goes to a dead connection
            int requestsBeforeRestart = langfuse.cursors().size();
            startAsANewDeployment();
            JsonObject resumed = awaitLatestPullFinished(officer, source, crashed);
            List<String> asked = langfuse.cursors().subList(requestsBeforeRestart, langfuse.cursors().size());
            assertEquals("COMPLETED", resumed.getString("status"), resumed.toString());
            // The checkpoint is the cursor of the page being read and how many of its observations are
            // committed: the resumed pull asks for that page again and skips them, so nothing is a duplicate.
            assertEquals(0, resumed.getInt("duplicates"), "what was committed before the crash is skipped, not re-read: " + resumed);
            assertTrue(asked.contains(LangfusePages.CURSOR_3), "the resumed pull went on to the pages after the crash: " + asked);
            assertEquals(LangfusePages.VALID, eventsOf(officer, source), "events stored (crash after " + storedBeforeCrash + ")");
            JsonObject verification = json(client.get("/api/integrity/verification", officer).body()).asJsonObject();
            assertTrue(verification.getBoolean("ok"), verification.toString());
        }
    }

    /**
     * The new deployment shows the runs of the one before from Trailkeeper's records: the import list,
     * the source's pulls (the interrupted run FAILED with the reason, its continuation COMPLETED) and
     * the Sources page, with no 500 anywhere.
     */
    private static void assertHistoryShown(String officer, String sourceName, long interrupted, long continued) {
        HttpResponse<String> imports = client.get("/api/imports?limit=50", officer);
        assertEquals(200, imports.statusCode(), imports.body());
        assertTrue(json(imports.body()).asJsonArray().stream().map(i -> i.asJsonObject().getJsonNumber("executionId").longValue())
                .anyMatch(id -> id == continued), "the continued import is listed: " + imports.body());
        HttpResponse<String> sources = client.get("/api/sources", officer);
        assertEquals(200, sources.statusCode(), sources.body());
        String sourceId = json(sources.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(sourceName)).findFirst().orElseThrow().getString("id");
        HttpResponse<String> pulls = client.get("/api/sources/" + sourceId + "/pulls", officer);
        assertEquals(200, pulls.statusCode(), pulls.body());
        JsonArray runs = json(pulls.body()).asJsonArray();
        JsonObject first = runs.stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getJsonNumber("executionId").longValue() == interrupted).findFirst().orElseThrow();
        assertEquals("INTERRUPTED", first.getString("status"), first.toString());
        assertEquals("UPLOAD", first.getString("trigger"), first.toString());
        assertTrue(first.getString("failure").startsWith("interrupted"), first.toString());
        JsonObject last = runs.getJsonObject(0);
        assertEquals(continued, last.getJsonNumber("executionId").longValue(), runs.toString());
        assertEquals("RESUME", last.getString("trigger"), last.toString());
        assertEquals("COMPLETED", last.getString("status"), last.toString());

        HttpClient browser = FacesForm.signedIn(client, TrailkeeperClient.ADMIN, TrailkeeperClient.adminPassword());
        HttpResponse<String> page = FacesForm.page(client, browser, "/app/sources.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(sourceName), "the Sources page lists the source");
    }

    /**
     * Starts the server again and deploys the EAR afresh, as the run command does with a changed EAR
     * and as every upgrade does: Payara lets a new deployment neither read nor restart the job
     * executions of the one before, so the run must go on from Trailkeeper's own records.
     */
    private static void startAsANewDeployment() throws IOException {
        domain.forgetDeployment();
        domain.start();
        domain.deploy(Path.of(System.getProperty("trailkeeper.ear")));
        awaitReady();
    }

    private static long eventsOf(String officer, String source) {
        return json(client.get("/api/sources/" + source, officer).body()).asJsonObject().getJsonNumber("eventsStored").longValue();
    }

    /** Start-up recovery marks the crashed pull FAILED and resumes it as a new execution of the source. */
    private static JsonObject awaitLatestPullFinished(String officer, String source, long crashed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject latest = null;
        while (System.nanoTime() < deadline) {
            JsonArray pulls = json(client.get("/api/sources/" + source + "/pulls", officer).body()).asJsonArray();
            latest = pulls.getJsonObject(0);
            if (latest.getJsonNumber("executionId").longValue() != crashed
                    && List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(latest.getString("status"))) {
                return latest;
            }
            TrailkeeperClient.sleep(500);
        }
        throw new IllegalStateException("the crashed pull " + crashed + " was not resumed and finished within 120 s: " + latest);
    }

    private static long upload(String officer, String source, Path file) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(client.uri("/api/imports?source=" + source + "&fileName=crash-trail.jsonl"))
                .header("Authorization", officer).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> started = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        return json(started.body()).asJsonObject().getJsonNumber("executionId").longValue();
    }

    /** Waits until at least two chunks are in the trail while the import still runs; returns the events stored. */
    private static long awaitSomeCommittedChunks(String officer, String agent, long execution) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long stored = storedEvents(officer, agent);
            if (stored >= 1_000) {
                // An officer watching the import sees it advance, not "0 read" until it ends; the tally
                // follows the commit within moments (it is taken as the next chunk begins).
                JsonObject running = status(officer, execution);
                for (int tries = 0; tries < 50 && running.getJsonNumber("read").longValue() == 0; tries++) {
                    TrailkeeperClient.sleep(100);
                    running = status(officer, execution);
                }
                assertEquals("STARTED", running.getString("status"), "the import must still run at the crash; make the trail longer");
                assertTrue(running.getJsonNumber("read").longValue() > 0 && running.getJsonNumber("read").longValue() < LINES,
                        "progress while running: " + running);
                return storedEvents(officer, agent);
            }
            TrailkeeperClient.sleep(100);
        }
        throw new IllegalStateException("no chunk of import " + execution + " committed within 120 s");
    }

    /** After the restart, the crashed execution is marked and its import resumed as a new execution. */
    private static JsonObject awaitResumed(String officer, long execution) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject status = null;
        while (System.nanoTime() < deadline) {
            status = status(officer, execution);
            if (status.getJsonNumber("latestExecutionId").longValue() != execution) {
                return status;
            }
            TrailkeeperClient.sleep(300);
        }
        throw new IllegalStateException("import " + execution + " was not resumed after the restart: " + status);
    }

    private static JsonObject awaitFinished(String officer, long execution) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonObject status = null;
        while (System.nanoTime() < deadline) {
            status = status(officer, execution);
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status.getString("status"))) {
                return status;
            }
            TrailkeeperClient.sleep(500);
        }
        throw new IllegalStateException("import " + execution + " did not finish within 180 s: " + status);
    }

    private static JsonObject status(String officer, long execution) {
        HttpResponse<String> response = client.get("/api/imports/" + execution, officer);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).asJsonObject();
    }

    private static long storedEvents(String officer, String agent) {
        return json(client.get("/api/events?agent=" + agent + "&size=1", officer).body()).asJsonObject().getJsonNumber("total").longValue();
    }

    private static long allEvents(String officer) {
        return json(client.get("/api/events?size=1", officer).body()).asJsonObject().getJsonNumber("total").longValue();
    }

    /** Payara answers its own /health before the application has loaded; wait for Trailkeeper's API. */
    private static void awaitReady() {
        String admin = TrailkeeperClient.basic(TrailkeeperClient.ADMIN, TrailkeeperClient.adminPassword());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.get("/api/imports?limit=1", admin).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the server starts
            }
            TrailkeeperClient.sleep(500);
        }
        throw new IllegalStateException("Trailkeeper was not ready within 120 s; see " + domain.serverLog());
    }

    /** A generated agent-action trail with malformed lines and repeated event ids, and what it should yield. */
    record Trail(Path file, long distinctValid, long duplicateLines) {

        static Trail write(Path file, String suffix, String agent) throws IOException {
            Set<Integer> malformed = new TreeSet<>(MALFORMED);
            Set<String> ids = new HashSet<>();
            long duplicates = 0;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int line = 1; line <= LINES; line++) {
                    if (malformed.contains(line)) {
                        out.write(malformedLine(line, agent));
                    } else {
                        // Every 997th line repeats an event of an earlier chunk: the trail must keep it once.
                        int event = line % 997 == 0 ? line - 600 : line;
                        if (!ids.add("crash-" + suffix + "-" + event)) {
                            duplicates++;
                        }
                        out.write(action(suffix, agent, event));
                    }
                    out.newLine();
                }
            }
            return new Trail(file, ids.size(), duplicates);
        }

        private static String action(String suffix, String agent, int event) {
            return "{\"event_id\":\"crash-" + suffix + "-" + event + "\",\"timestamp\":\"" + DAY.plusSeconds(event)
                    + "\",\"agent_id\":\"" + agent + "\",\"action\":\"crm.lookup\",\"target\":\"order/" + event
                    + "\",\"result\":\"success\",\"reason\":\"customer request\",\"session_id\":\"s-" + event / 50
                    + "\",\"user\":\"cust-" + event % 40 + "\",\"model\":\"gpt-4o\",\"tokens\":{\"input\":120,\"output\":40}"
                    + ",\"latency_ms\":900,\"region\":\"eu-west-1\",\"prompt\":\"look up order " + event + "\"}";
        }

        private static String malformedLine(int line, String agent) {
            switch (line % 3) {
                case 0:
                    return "{\"timestamp\":\"2026-10-12T01:00:00Z\",\"agent_id\":\"" + agent + "\", broken json " + line;
                case 1:
                    return "{\"event_id\":\"bad-" + line + "\",\"timestamp\":\"2026-10-12T01:00:00\",\"agent_id\":\"" + agent
                            + "\",\"action\":\"crm.lookup\"}";
                default:
                    return "{\"event_id\":\"bad-" + line + "\",\"timestamp\":\"2026-10-12T01:00:00Z\",\"agent_id\":\"" + agent + "\"}";
            }
        }
    }
}
