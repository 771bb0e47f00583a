package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An officer configures a file source with a watched directory (the server runs on this machine, so
 * a temporary directory of the test is one it can read), tests it, pulls it, and pulls again after a
 * new file arrives: only the new file is imported, and the directory is left as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesIT {

    private static final Instant DAY = Instant.parse("2026-10-12T00:00:00Z");
    private final TrailkeeperClient client = new TrailkeeperClient();
    private String officer;
    private Path watched;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void officerAndDirectory() throws IOException {
        officer = client.createAccount("COMPLIANCE_OFFICER");
        watched = SourceConfinementIT.watchedDirectory("trailkeeper-watched-");
    }

    @AfterEach
    void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(watched)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Writes a trail file as an exporter would, settled (last modified a minute ago). */
    private Path settledFile(String name, String jsonLines) throws IOException {
        Path file = Files.writeString(watched.resolve(name), jsonLines);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    private JsonObject addSource(String body) {
        HttpResponse<String> added = client.send("POST", "/api/sources", officer, "application/json", body);
        assertEquals(201, added.statusCode(), added.body());
        JsonObject source = json(added.body()).asJsonObject();
        assertEquals("/api/sources/" + source.getString("id"), URI.create(added.headers().firstValue("Location").orElseThrow()).getPath());
        return source;
    }

    private JsonArray pullAndWait(String id, int expectedExecutions) {
        HttpResponse<String> pulled = client.send("POST", "/api/sources/" + id + "/pulls", officer, "application/json", "");
        assertEquals(expectedExecutions == 0 ? 200 : 202, pulled.statusCode(), pulled.body());
        JsonArray started = json(pulled.body()).asJsonObject().getJsonArray("started");
        assertEquals(expectedExecutions, started.size(), pulled.body());
        return awaitPulls(id);
    }

    private JsonArray awaitPulls(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray pulls = json(client.get("/api/sources/" + id + "/pulls", officer).body()).asJsonArray();
            if (pulls.stream().map(JsonValue::asJsonObject).noneMatch(p -> List.of("STARTING", "STARTED").contains(p.getString("status")))) {
                return pulls;
            }
            TrailkeeperClient.sleep(300);
        }
        throw new IllegalStateException("the pulls of " + id + " did not finish within 90 s");
    }

    @Test
    void aWatchedDirectoryIsPulledOnceAndThenOnlyItsNewFiles() throws IOException {
        AgentTrail first = new AgentTrail()
                .action("watch-bot", "ticket.read", DAY.plusSeconds(60), "success")
                .action("watch-bot", "ticket.close", DAY.plusSeconds(120), "success")
                .line("{\"agent_id\": broken");
        Path firstFile = settledFile("2026-10-12.jsonl", first.jsonLines());
        settledFile("README.txt", "not a trail");
        String name = "watched-" + first.suffix;
        JsonObject source = addSource(Json.createObjectBuilder().add("name", name).add("kind", "JSONL_FILE")
                .add("description", "support bot exports").add("watchedDirectory", watched.toString())
                .add("pollIntervalSeconds", 3600).add("enabled", false).build().toString());
        String id = source.getString("id");
        assertEquals(watched.toString(), source.getString("watchedDirectory"));
        assertEquals(3600, source.getInt("pollIntervalSeconds"));
        assertFalse(source.getBoolean("enabled"));

        JsonObject test = json(client.send("POST", "/api/sources/" + id + "/test", officer, "application/json", "").body()).asJsonObject();
        assertTrue(test.getBoolean("passed"), test.toString());
        assertEquals(1, test.getInt("candidateFiles"), "one trail file, the README is not one: " + test);

        JsonArray pulls = pullAndWait(id, 1);
        JsonObject pull = pulls.getJsonObject(0);
        assertEquals("COMPLETED", pull.getString("status"), pull.toString());
        assertEquals("MANUAL", pull.getString("trigger"));
        assertEquals("2026-10-12.jsonl", pull.getString("fileName"));
        assertEquals(2, pull.getInt("stored"));
        assertEquals(1, pull.getInt("quarantined"));

        JsonObject afterFirst = json(client.get("/api/sources/" + id, officer).body()).asJsonObject();
        assertEquals(2, afterFirst.getInt("eventsStored"), afterFirst.toString());
        assertEquals(1, afterFirst.getInt("quarantinedOpen"));
        assertEquals("COMPLETED", afterFirst.getJsonObject("lastPull").getString("status"));
        JsonObject events = json(client.get("/api/events?agent=" + first.agent("watch-bot"), officer).body()).asJsonObject();
        assertEquals(2, events.getInt("total"), events.toString());
        assertEquals(first.jsonLines(), Files.readString(firstFile), "the watched file is left as it was");

        AgentTrail second = new AgentTrail().action("watch-bot", "ticket.reopen", DAY.plusSeconds(600), "success");
        settledFile("2026-10-13.jsonl", second.jsonLines());

        JsonArray again = pullAndWait(id, 1);
        assertEquals(2, again.size(), "two pulls so far: " + again);
        assertEquals("2026-10-13.jsonl", again.getJsonObject(0).getString("fileName"), "only the new file: " + again);
        assertEquals(1, again.getJsonObject(0).getInt("stored"));
        assertEquals(3, json(client.get("/api/sources/" + id, officer).body()).asJsonObject().getInt("eventsStored"));

        pullAndWait(id, 0); // nothing new: nothing imported
        assertTrue(Files.exists(firstFile));

        JsonObject listed = json(client.get("/api/sources", officer).body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals(3, listed.getInt("eventsStored"));
        assertNotNull(listed.getJsonObject("lastPull"));
    }

    @Test
    void anEnabledSourceIsPulledOnSchedule() throws IOException {
        AgentTrail trail = new AgentTrail().action("schedule-bot", "ticket.read", DAY.plusSeconds(60), "success");
        settledFile("scheduled.jsonl", trail.jsonLines());
        String id = addSource(Json.createObjectBuilder().add("name", "scheduled-" + trail.suffix).add("kind", "JSONL_FILE")
                .add("watchedDirectory", watched.toString()).add("pollIntervalSeconds", 60).build().toString()).getString("id");

        // The schedule looks once a minute: the never-pulled source is due at its next look.
        long deadline = System.nanoTime() + Duration.ofSeconds(100).toNanos();
        JsonArray pulls = Json.createArrayBuilder().build();
        while (System.nanoTime() < deadline) {
            pulls = json(client.get("/api/sources/" + id + "/pulls", officer).body()).asJsonArray();
            if (!pulls.isEmpty() && "COMPLETED".equals(pulls.getJsonObject(0).getString("status"))) {
                break;
            }
            TrailkeeperClient.sleep(1000);
        }
        assertEquals(1, pulls.size(), "one scheduled pull: " + pulls);
        assertEquals("SCHEDULE", pulls.getJsonObject(0).getString("trigger"));
        assertEquals("COMPLETED", pulls.getJsonObject(0).getString("status"), pulls.toString());
        assertEquals(1, pulls.getJsonObject(0).getInt("stored"));
    }

    @Test
    void anUploadCountsAsAPullOfItsSource() {
        AgentTrail trail = new AgentTrail().action("upload-bot", "order.read", DAY.plusSeconds(60), "success");
        String name = "uploaded-" + trail.suffix;
        client.importAndWait(officer, name, trail.jsonLines());

        JsonObject source = json(client.get("/api/sources", officer).body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow();
        assertFalse(source.getBoolean("configured"));
        assertEquals(1, source.getInt("eventsStored"));
        assertEquals("UPLOAD", source.getJsonObject("lastPull").getString("trigger"), source.toString());
        assertEquals("COMPLETED", source.getJsonObject("lastPull").getString("status"));
    }

    @Test
    void aLangfuseSourceNamesItsKeyPropertiesAndTheTestSaysWhichIsMissing() {
        String name = "langfuse-" + new AgentTrail().suffix;
        JsonObject source = addSource(Json.createObjectBuilder().add("name", name).add("kind", "LANGFUSE_API")
                .add("baseUrl", "http://127.0.0.1:9/").add("publicKeyProperty", "trailkeeper.source-keys.it.public-key")
                .add("secretKeyProperty", "trailkeeper.source-keys.it.secret-key").add("pageSize", 50).build().toString());
        assertEquals("http://127.0.0.1:9", source.getString("baseUrl"));

        JsonObject test = json(client.send("POST", "/api/sources/" + source.getString("id") + "/test", officer, "application/json", "")
                .body()).asJsonObject();
        assertFalse(test.getBoolean("passed"));
        assertTrue(test.toString().contains("trailkeeper.source-keys.it.secret-key is not set"), test.toString());

        HttpResponse<String> pull = client.send("POST", "/api/sources/" + source.getString("id") + "/pulls", officer, "application/json", "");
        assertProblem(pull, 422);
        assertTrue(pull.body().contains("not configured"), pull.body());
    }

    @Test
    void aLangfuseSourceWithResolvableKeysIsTestedAgainstItsApiAndPulledByItsJob() {
        // Keys the server's environment sets (see the pom), which nothing on the discard port checks.
        String name = "langfuse-" + new AgentTrail().suffix;
        JsonObject source = addSource(Json.createObjectBuilder().add("name", name).add("kind", "LANGFUSE_API")
                .add("baseUrl", "http://127.0.0.1:9").add("publicKeyProperty", SourceConfinementIT.WRONG_PUBLIC_KEY)
                .add("secretKeyProperty", SourceConfinementIT.WRONG_SECRET_KEY).build().toString());
        String id = source.getString("id");

        HttpResponse<String> tested = client.send("POST", "/api/sources/" + id + "/test", officer, "application/json", "");
        JsonObject test = json(tested.body()).asJsonObject();
        assertFalse(test.getBoolean("passed"), "nothing listens on the discard port: " + test);
        assertTrue(test.getJsonArray("checks").getJsonObject(0).getBoolean("passed"), test.toString());
        assertTrue(test.getJsonArray("checks").getJsonObject(1).getBoolean("passed"), test.toString());
        assertEquals("reachable", test.getJsonArray("checks").getJsonObject(2).getString("name"));
        assertFalse(test.getJsonArray("checks").getJsonObject(2).getBoolean("passed"));
        assertFalse(tested.body().contains("wrong-1111"), "a credential's value is never shown: " + tested.body());

    }

    @Test
    void aLangfuseSourceIsPulledThroughItsApiOnceAndAPullAgainAsksFromItsLastPullAndStoresNothingNew() {
        String run = LangfusePullIT.run();
        try (LangfuseTestServer langfuse = LangfusePullIT.server(run, false)) {
            String name = "langfuse-e2e-" + run;
            JsonObject source = addSource(Json.createObjectBuilder().add("name", name).add("kind", "LANGFUSE_API")
                    .add("baseUrl", langfuse.baseUrl()).add("publicKeyProperty", LangfusePullIT.PUBLIC_KEY_PROPERTY)
                    .add("secretKeyProperty", LangfusePullIT.SECRET_KEY_PROPERTY).add("pageSize", 3)
                    .add("enabled", false).build().toString());
            String id = source.getString("id");

            JsonObject test = json(client.send("POST", "/api/sources/" + id + "/test", officer, "application/json", "").body()).asJsonObject();
            assertTrue(test.getBoolean("passed"), "the recorded Langfuse answers with the configured keys: " + test);

            JsonObject first = pullAndWait(id, 1).getJsonObject(0);
            // The recorded pages answer 429 and then 500 once each on the way; the pull rides them out.
            assertAll(() -> assertEquals("COMPLETED", first.getString("status"), first.toString()),
                    () -> assertEquals(LangfusePages.OBSERVATIONS, first.getInt("read")),
                    () -> assertEquals(LangfusePages.VALID, first.getInt("stored")),
                    () -> assertEquals(1, first.getInt("quarantined")));
            JsonObject listed = json(client.get("/api/sources/" + id, officer).body()).asJsonObject();
            assertEquals(LangfusePages.VALID, listed.getInt("eventsStored"), listed.toString());

            HttpResponse<String> again = client.send("POST", "/api/sources/" + id + "/pulls", officer, "application/json", "");
            assertEquals(202, again.statusCode(), again.body());
            assertTrue(json(again.body()).asJsonObject().containsKey("fromStartTime"),
                    "a later pull asks only from an hour before the last completed one: " + again.body());
            JsonObject second = awaitPulls(id).getJsonObject(0);
            assertAll(() -> assertEquals("COMPLETED", second.getString("status"), second.toString()),
                    () -> assertEquals(0, second.getInt("stored")),
                    () -> assertEquals(LangfusePages.VALID, second.getInt("duplicates")));
        }
    }

    @Test
    void aLangfusePullThatGaveUpResumesFromItsCursorAtTheNextPullAndEndsWithExactlyTheSourcesEvents() {
        String run = LangfusePullIT.run();
        try (LangfuseTestServer langfuse = LangfusePullIT.server(run, false)) {
            langfuse.page3Down = true;
            JsonObject source = addSource(Json.createObjectBuilder().add("name", "langfuse-resume-" + run).add("kind", "LANGFUSE_API")
                    .add("baseUrl", langfuse.baseUrl()).add("publicKeyProperty", LangfusePullIT.PUBLIC_KEY_PROPERTY)
                    .add("secretKeyProperty", LangfusePullIT.SECRET_KEY_PROPERTY).add("pageSize", 3)
                    .add("enabled", false).build().toString());
            String id = source.getString("id");

            JsonObject failed = pullAndWait(id, 1).getJsonObject(0);
            assertEquals("FAILED", failed.getString("status"), "page 3 stayed down through every retry: " + failed);
            long storedBefore = json(client.get("/api/sources/" + id, officer).body()).asJsonObject().getJsonNumber("eventsStored").longValue();
            assertTrue(storedBefore > 0 && storedBefore < LangfusePages.VALID, "pages 1 and 2 were committed: " + storedBefore);
            int requestsBefore = langfuse.cursors().size();

            langfuse.page3Down = false;
            HttpResponse<String> again = client.send("POST", "/api/sources/" + id + "/pulls", officer, "application/json", "");
            assertEquals(202, again.statusCode(), again.body());
            assertEquals(failed.getInt("executionId"), json(again.body()).asJsonObject().getInt("resumedFrom"), again.body());
            JsonObject resumed = awaitPulls(id).getJsonObject(0);
            assertEquals("COMPLETED", resumed.getString("status"), resumed.toString());
            List<String> asked = langfuse.cursors().subList(requestsBefore, langfuse.cursors().size());
            assertFalse(asked.contains(""), "the resumed pull starts from its checkpoint's cursor, not the first page: " + asked);
            assertEquals(0, resumed.getInt("duplicates"), "what was committed before is skipped, not read again: " + resumed);
            JsonObject after = json(client.get("/api/sources/" + id, officer).body()).asJsonObject();
            assertEquals(LangfusePages.VALID, after.getJsonNumber("eventsStored").longValue(), after.toString());
        }
    }

    @Test
    void aLangfusePullWhoseKeysAreRefusedFailsAndTheSourceSaysWhyWithoutTheKeys() {
        String run = LangfusePullIT.run();
        try (LangfuseTestServer langfuse = LangfusePullIT.server(run, false)) {
            // Resolvable properties whose values are not the project's keys: the recorded API answers 401.
            JsonObject source = addSource(Json.createObjectBuilder().add("name", "langfuse-refused-" + run).add("kind", "LANGFUSE_API")
                    .add("baseUrl", langfuse.baseUrl()).add("publicKeyProperty", SourceConfinementIT.WRONG_PUBLIC_KEY)
                    .add("secretKeyProperty", SourceConfinementIT.WRONG_SECRET_KEY).add("enabled", false).build().toString());
            JsonObject pull = pullAndWait(source.getString("id"), 1).getJsonObject(0);
            assertEquals("FAILED", pull.getString("status"), pull.toString());
            String failure = pull.getString("failure");
            assertTrue(failure.contains(SourceConfinementIT.WRONG_PUBLIC_KEY) && failure.contains(SourceConfinementIT.WRONG_SECRET_KEY), failure);
            assertFalse(failure.contains("wrong-1111"), "the reason never shows a key: " + failure);
        }
    }

    @Test
    void badInputGetsProblemsAndAuditorsCannotChangeSources() {
        String auditor = client.createAccount("AUDITOR");
        String valid = Json.createObjectBuilder().add("name", "x-" + new AgentTrail().suffix).add("kind", "JSONL_FILE").build().toString();

        assertProblem(client.send("POST", "/api/sources", auditor, "application/json", valid), 403);
        assertEquals(200, client.get("/api/sources", auditor).statusCode());

        assertProblem(client.send("POST", "/api/sources", officer, "application/json", "{\"name\": "), 400);
        assertProblem(client.send("POST", "/api/sources", officer, "application/json", "{\"name\":\"a\",\"kind\":\"FTP\"}"), 400);

        HttpResponse<String> invalid = client.send("POST", "/api/sources", officer, "application/json",
                "{\"name\":\"bad-langfuse\",\"kind\":\"LANGFUSE_API\",\"baseUrl\":\"http://langfuse.example.com\","
                        + "\"publicKeyProperty\":\"pk-lf-0123456789\",\"secretKeyProperty\":\"s\",\"pageSize\":5000}");
        assertProblem(invalid, 422);
        String detail = json(invalid.body()).asJsonObject().getString("detail");
        assertTrue(detail.contains("must use https") && detail.contains("pageSize") && detail.contains("looks like a Langfuse key"), detail);
        assertFalse(detail.contains("0123456789"), "a pasted key is not echoed: " + detail);

        JsonObject created = addSource(valid);
        assertProblem(client.send("POST", "/api/sources", officer, "application/json", valid), 409);
        assertProblem(client.send("PUT", "/api/sources/" + created.getString("id"), officer, "application/json",
                "{\"kind\":\"OTLP_JSON\"}"), 422);
        assertProblem(client.send("PUT", "/api/sources/" + created.getString("id"), auditor, "application/json", "{}"), 403);
        assertProblem(client.send("POST", "/api/sources/" + created.getString("id") + "/pulls", officer, "application/json", ""), 422);
        assertProblem(client.get("/api/sources/00000000-0000-0000-0000-000000000000", officer), 404);

        HttpResponse<String> edited = client.send("PUT", "/api/sources/" + created.getString("id"), officer, "application/json",
                "{\"description\":\"paused for now\",\"enabled\":false}");
        assertEquals(200, edited.statusCode(), edited.body());
        assertFalse(json(edited.body()).asJsonObject().getBoolean("enabled"));
        assertEquals("paused for now", json(edited.body()).asJsonObject().getString("description"));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(status, json(response.body()).asJsonObject().getInt("status"));
        assertFalse(response.body().contains("at io.trailkeeper"), "no stack trace in " + response.body());
    }
}
