package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import io.trailkeeper.integrity.control.ConsistencyProof;
import io.trailkeeper.integrity.control.InclusionProof;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An officer's path through the API: import a trail, find its events, download the summary PDF. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportAndReportIT {

    private static final Instant DAY = Instant.parse("2026-10-05T00:00:00Z");
    private final TrailkeeperClient client = new TrailkeeperClient();
    private String officer;
    private AgentTrail trail;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void officerWithATrail() {
        officer = client.createAccount("COMPLIANCE_OFFICER");
        trail = new AgentTrail()
                .action("refund-bot", "refund.issue", DAY.plusSeconds(3600), "success")
                .action("refund-bot", "crm.lookup", DAY.plusSeconds(3700), "success")
                .line("{\"timestamp\": \"2026-10-05T02:00:00Z\", \"agent_id\": broken json")
                .action("refund-bot", "crm.lookup", DAY.plusSeconds(7300), "denied")
                .action("claims-bot", "claim.read", DAY.plusSeconds(9000), "success")
                .line("{\"timestamp\":\"2026-10-05T03:00:00\",\"agent_id\":\"x\",\"action\":\"y\"}");
    }

    @Test
    void anImportStoresGoodLinesAndSetsAsideMalformedOnes() {
        JsonObject status = client.importAndWait(officer, "api-test-" + trail.suffix, trail.jsonLines());

        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals(6, status.getInt("read"));
        assertEquals(4, status.getInt("stored"));
        assertEquals(2, status.getInt("quarantined"));
        assertEquals(0, status.getInt("duplicates"));

        JsonArray setAside = json(client.get("/api/imports/" + status.getInt("executionId") + "/quarantined", officer).body()).asJsonArray();
        assertEquals(2, setAside.size(), setAside.toString());
        assertEquals(3, setAside.getJsonObject(0).getInt("lineNumber"));
        assertTrue(setAside.getJsonObject(0).getString("reason").startsWith("not valid JSON"), setAside.toString());
        assertEquals(6, setAside.getJsonObject(1).getInt("lineNumber"));
        assertTrue(setAside.getJsonObject(1).getString("reason").contains("time zone"), setAside.toString());
    }

    @Test
    void aLineWithTextThatCannotBeStoredIsSetAsideAndTheImportCompletes() {
        AgentTrail unstorable = new AgentTrail();
        String agent = unstorable.agent("refund-bot");
        unstorable.action("refund-bot", "refund.issue", DAY.plusSeconds(30_000), "success")
                // JSON escapes, as a source writes them: a NUL, which no PostgreSQL text column can hold ...
                .line("{\"timestamp\":\"2026-10-05T08:20:01Z\",\"agent_id\":\"" + agent + "\",\"action\":\"refund.issue\","
                        + "\"target\":\"a\\u0000b\"}")
                // ... a surrogate pair, which is an ordinary character (an emoji) ...
                .line("{\"timestamp\":\"2026-10-05T08:20:02Z\",\"agent_id\":\"" + agent + "\",\"action\":\"note.add\","
                        + "\"target\":\"order/\\ud83d\\ude00\"}")
                // ... and half of one, which is not Unicode at all.
                .line("{\"timestamp\":\"2026-10-05T08:20:03Z\",\"agent_id\":\"" + agent + "\",\"action\":\"refund.issue\","
                        + "\"session_id\":\"s-\\ud800\"}")
                .action("refund-bot", "crm.lookup", DAY.plusSeconds(30_004), "success");

        JsonObject status = client.importAndWait(officer, "api-test-" + unstorable.suffix, unstorable.jsonLines());

        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals(5, status.getInt("read"));
        assertEquals(3, status.getInt("stored"));
        assertEquals(2, status.getInt("quarantined"));
        assertEquals(3, events("agent=" + agent).getInt("total"));
        assertEquals("order/\uD83D\uDE00", events("agent=" + agent + "&action=note.add").getJsonArray("items").getJsonObject(0)
                .getString("target"), "a surrogate pair is stored as sent");

        JsonArray setAside = json(client.get("/api/imports/" + status.getInt("executionId") + "/quarantined", officer).body()).asJsonArray();
        assertEquals(2, setAside.size(), setAside.toString());
        assertEquals(2, setAside.getJsonObject(0).getInt("lineNumber"));
        assertEquals("field 'target' contains U+0000 (a NUL character), which cannot be stored",
                setAside.getJsonObject(0).getString("reason"));
        assertEquals(4, setAside.getJsonObject(1).getInt("lineNumber"));
        assertEquals("field 'session_id' contains an unpaired surrogate (\\ud800), which is not valid Unicode",
                setAside.getJsonObject(1).getString("reason"));
    }

    @Test
    void onlyAnInterruptedImportCanBeRestarted() {
        JsonObject done = client.importAndWait(officer, "api-test-" + trail.suffix, trail.jsonLines());
        long id = done.getJsonNumber("executionId").longValue();
        assertEquals(id, done.getJsonNumber("latestExecutionId").longValue(), done.toString());
        assertFalse(done.containsKey("restartedFrom") && !done.isNull("restartedFrom"), "a first run restarts nothing: " + done);

        HttpResponse<String> completed = client.send("POST", "/api/imports/" + id + "/restart", officer, "application/json", "");
        assertEquals(409, completed.statusCode(), completed.body());
        assertEquals("application/problem+json", completed.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(completed.body().contains("has completed"), completed.body());

        HttpResponse<String> unknown = client.send("POST", "/api/imports/987654321/restart", officer, "application/json", "");
        assertEquals(404, unknown.statusCode(), unknown.body());

        HttpResponse<String> byAuditor = client.send("POST", "/api/imports/" + id + "/restart", client.createAccount("AUDITOR"),
                "application/json", "");
        assertEquals(403, byAuditor.statusCode(), byAuditor.body());
    }

    @Test
    void importingTheSameTrailAgainStoresNothingNew() {
        String source = "api-test-" + trail.suffix;
        client.importAndWait(officer, source, trail.jsonLines());

        JsonObject again = client.importAndWait(officer, source, trail.jsonLines());

        assertEquals(0, again.getInt("stored"), again.toString());
        assertEquals(4, again.getInt("duplicates"));
        assertEquals(4, events("agent=" + trail.agent("refund-bot")).getInt("total")
                + events("agent=" + trail.agent("claims-bot")).getInt("total"));
        // The lines name no event id: theirs is derived from the line, keyed, so it reveals nothing of it.
        String id = events("agent=" + trail.agent("claims-bot")).getJsonArray("items").getJsonObject(0).getString("sourceEventId");
        assertTrue(id.matches("hmac-sha256:[0-9a-f]{64}"), id);
    }

    @Test
    void eventsAreFoundByAgentActionAndTimeAndPaged() {
        client.importAndWait(officer, "api-test-" + trail.suffix, trail.jsonLines());
        String refundBot = trail.agent("refund-bot");

        assertEquals(3, events("agent=" + refundBot).getInt("total"));
        assertEquals(2, events("agent=" + refundBot + "&action=crm.lookup").getInt("total"));
        assertEquals(2, events("agent=" + refundBot + "&from=2026-10-05T00:00:00Z&to=2026-10-05T02:00:00Z").getInt("total"));
        assertEquals(1, events("agent=" + refundBot + "&result=denied").getInt("total"), "found by result");
        assertEquals(2, events("agent=" + refundBot + "&result=success").getInt("total"));
        assertEquals(3, events("agent=" + refundBot + "&region=eu-west-1").getInt("total"), "found by region");
        assertEquals(0, events("agent=" + refundBot + "&region=us-east-1").getInt("total"));

        JsonObject firstPage = events("agent=" + refundBot + "&size=2&page=0");
        assertEquals(2, firstPage.getJsonArray("items").size());
        assertEquals("2026-10-05T02:01:40Z", firstPage.getJsonArray("items").getJsonObject(0).getString("occurredAt"),
                "newest first");
        assertEquals(1, events("agent=" + refundBot + "&size=2&page=1").getJsonArray("items").size());

        String id = firstPage.getJsonArray("items").getJsonObject(0).getString("id");
        JsonObject event = json(client.get("/api/events/" + id, officer).body()).asJsonObject();
        assertEquals("denied", event.getString("result"));
        assertEquals("eu-west-1", event.getString("region"));
        assertEquals(120, event.getInt("inputTokens"));
        assertTrue(event.getBoolean("humanConfirmed"));
        assertEquals("readable", event.getString("contentStatus"));
        assertTrue(event.getJsonObject("content").containsKey("prompt"), "the prompt is kept as content: " + event);
        assertTrue(event.getString("subjectPseudonym").startsWith("ps1_"), "subjects appear only as pseudonyms: " + event);
        assertFalse(event.toString().contains("cust-"), "no subject identifier in the event: " + event);

        JsonObject bySubject = events("agent=" + refundBot + "&subject=cust-3");
        assertEquals(1, bySubject.getInt("total"), "a subject's events are found by their identifier");
        assertEquals(event.getString("subjectPseudonym"), bySubject.getJsonArray("items").getJsonObject(0).getString("subjectPseudonym"));
    }

    @Test
    void theSummaryPdfListsThePeriodsAgentsAndEvents() throws IOException {
        client.importAndWait(officer, "api-test-" + trail.suffix, trail.jsonLines());

        HttpResponse<byte[]> response = client.getBytes(
                "/api/reports/audit-trail-summary?from=2026-10-05&to=2026-10-06", officer);

        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"audit-trail-summary_2026-10-05_2026-10-06.pdf\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Audit trail summary"), text);
            assertTrue(text.contains("2026-10-05 00:00:00 UTC"), text);
            assertTrue(text.contains(trail.agent("refund-bot")), text);
            assertTrue(text.contains(trail.agent("claims-bot")), text);
            assertTrue(text.contains("claim.read"), text);
        }
    }

    @Test
    void openTelemetryGenAiSpansBecomeEventsAndABadSpanIsSetAsideAlone() {
        Instant start = DAY.plusSeconds(20_000);
        OtlpTrail otlp = new OtlpTrail()
                .span("invoke_agent", start, 6_200, OtlpTrail.attr("gen_ai.request.model", "gpt-4.1") + ","
                        + OtlpTrail.intAttr("gen_ai.usage.input_tokens", 1200) + "," + OtlpTrail.intAttr("gen_ai.usage.output_tokens", 310) + ","
                        + OtlpTrail.attr("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"book LHR-JFK\"}]}]"))
                .span("execute_tool", start.plusSeconds(2), 850, OtlpTrail.attr("gen_ai.tool.name", "flights.search") + ","
                        + OtlpTrail.attr("gen_ai.tool.call.arguments", "{\"from\":\"LHR\",\"to\":\"JFK\"}"))
                .rawSpan("{\"traceId\":\"not-hex\",\"spanId\":\"00f067aa0ba902b7\",\"name\":\"chat\"}");
        String source = "otlp-test-" + otlp.agent;

        JsonObject status = importAndWait(source, "otlp-json", otlp.line());

        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals("OTLP_JSON", status.getString("format"));
        assertEquals(3, status.getInt("read"), "three spans read");
        assertEquals(2, status.getInt("stored"));
        assertEquals(1, status.getInt("quarantined"));
        JsonArray setAside = json(client.get("/api/imports/" + status.getInt("executionId") + "/quarantined", officer).body()).asJsonArray();
        assertTrue(setAside.getJsonObject(0).getString("reason").startsWith("span 3"), setAside.toString());

        JsonObject tool = events("agent=" + otlp.agent + "&action=execute_tool").getJsonArray("items").getJsonObject(0);
        assertEquals("flights.search", tool.getString("target"));
        assertEquals(850, tool.getInt("latencyMs"));
        assertEquals("eu-west-1", tool.getString("region"));
        JsonObject invoke = json(client.get("/api/events/" + events("agent=" + otlp.agent + "&action=invoke_agent")
                .getJsonArray("items").getJsonObject(0).getString("id"), officer).body()).asJsonObject();
        assertEquals(1200, invoke.getInt("inputTokens"));
        assertEquals("gpt-4.1", invoke.getString("model"));
        assertTrue(invoke.getJsonObject("content").toString().contains("book LHR-JFK"), "messages kept as content: " + invoke);

        JsonObject again = importAndWait(source, "otlp-json", otlp.line());
        assertEquals(0, again.getInt("stored"), "re-importing the same spans stores nothing new");
        assertEquals(2, again.getInt("duplicates"));
    }

    @Test
    void secretsAndPersonalDataAreMaskedBeforeStorageAndCounted() {
        AgentTrail leaky = new AgentTrail();
        String fakeKey = "sk-proj-" + "Q7w8E9r0".repeat(5);
        leaky.line("{\"timestamp\":\"2026-10-05T05:00:00Z\",\"agent_id\":\"" + leaky.agent("leaky-bot") + "\",\"action\":\"email.send\","
                + "\"target\":\"mailto:jane.doe@example.com\",\"result\":\"success\",\"user\":\"cust-77\","
                + "\"prompt\":\"use key " + fakeKey + " and card 4111 1111 1111 1111 for jane.doe@example.com\"}");

        client.importAndWait(officer, "api-test-" + leaky.suffix, leaky.jsonLines());

        String id = events("agent=" + leaky.agent("leaky-bot")).getJsonArray("items").getJsonObject(0).getString("id");
        String raw = client.get("/api/events/" + id, officer).body();
        JsonObject event = json(raw).asJsonObject();
        assertFalse(raw.contains(fakeKey), raw);
        assertFalse(raw.contains("4111 1111"), raw);
        assertFalse(raw.contains("jane.doe@example.com"), raw);
        assertTrue(event.getJsonObject("content").getString("prompt").contains("[MASKED:SECRET]"), raw);
        assertEquals("mailto:[MASKED:EMAIL]", event.getString("target"));
        JsonObject masked = event.getJsonObject("masked");
        assertEquals(1, masked.getInt("secrets"));
        assertEquals(1, masked.getInt("paymentCards"));
        assertEquals(2, masked.getInt("emails"));
    }

    @Test
    void anOfficerInspectsAndReprocessesAQuarantinedRecordWithACorrection() {
        String source = "api-test-" + trail.suffix;
        JsonObject status = client.importAndWait(officer, source, trail.jsonLines());
        JsonObject noZone = json(client.get("/api/imports/" + status.getInt("executionId") + "/quarantined", officer).body())
                .asJsonArray().getJsonObject(1);
        String id = noZone.getString("id");

        JsonObject inspected = json(client.get("/api/quarantine/" + id, officer).body()).asJsonObject();
        assertEquals(6, inspected.getInt("lineNumber"));
        assertTrue(inspected.getString("preview").contains("2026-10-05T03:00:00"), inspected.toString());

        HttpResponse<String> asKept = client.send("POST", "/api/quarantine/" + id + "/reprocess", officer, "application/x-ndjson", "");
        assertEquals(422, asKept.statusCode(), asKept.body());
        assertTrue(asKept.body().contains("time zone"), asKept.body());

        String fixed = "{\"timestamp\":\"2026-10-05T03:00:00Z\",\"agent_id\":\"" + trail.agent("fixed-bot") + "\",\"action\":\"y\"}";
        HttpResponse<String> corrected = client.send("POST", "/api/quarantine/" + id + "/reprocess", officer, "application/x-ndjson", fixed);
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals(1, json(corrected.body()).asJsonObject().getInt("stored"));
        assertEquals(1, events("agent=" + trail.agent("fixed-bot")).getInt("total"), "the corrected record is now an event");

        JsonObject resolved = json(client.get("/api/quarantine/" + id, officer).body()).asJsonObject();
        assertTrue(resolved.getString("resolution").contains("corrected"), resolved.toString());
        assertEquals(1, json(client.get("/api/quarantine?source=" + source, officer).body()).asJsonArray().size(),
                "only the other record is still open");
        assertEquals(400, client.send("POST", "/api/quarantine/" + id + "/reprocess", officer, "application/x-ndjson", fixed).statusCode(),
                "a record is resolved once");
        assertEquals(403, client.send("POST", "/api/quarantine/" + id + "/reprocess", client.createAccount("AUDITOR"),
                "application/x-ndjson", fixed).statusCode(), "auditors cannot change the trail");
    }

    @Test
    void anOfficerSealsACheckpointAndTheTrailVerifies() {
        client.importAndWait(officer, "api-test-" + trail.suffix, trail.jsonLines());

        HttpResponse<String> sealed = client.send("POST", "/api/integrity/checkpoints", officer, "application/json", "");
        assertEquals(200, sealed.statusCode(), sealed.body());
        JsonObject checkpoint = json(sealed.body()).asJsonObject();
        assertTrue(checkpoint.getBoolean("signatureValid"), sealed.body());
        assertTrue(checkpoint.getInt("treeSize") >= 4, sealed.body());
        assertEquals(64, checkpoint.getString("rootHash").length());
        JsonObject readBack = json(client.get("/api/integrity/checkpoints/latest", officer).body()).asJsonObject();
        assertEquals(checkpoint.getString("sealedAt"), readBack.getString("sealedAt"), "the time signed is the time stored");
        assertTrue(readBack.getBoolean("signatureValid"), "a checkpoint read back from the database still verifies: " + readBack);

        JsonObject verification = json(client.get("/api/integrity/verification", officer).body()).asJsonObject();
        assertTrue(verification.getBoolean("ok"), verification.toString());
        assertTrue(verification.getJsonArray("checkpoints").stream()
                .allMatch(c -> c.asJsonObject().getString("status").equals("MATCHES")), verification.toString());
        assertFalse(client.get("/api/integrity/public-key", officer).body().isBlank());

        long sealedSize = checkpoint.getJsonNumber("treeSize").longValue();
        JsonObject range = json(client.get("/api/integrity/verification?from=" + (sealedSize - 4) + "&to=" + sealedSize, officer).body())
                .asJsonObject();
        assertTrue(range.getBoolean("ok"), range.toString());
        assertEquals(4, range.getInt("checkedSize"), "only the rows of the range are compared: " + range);
        assertEquals(sealedSize - 4, range.getJsonNumber("from").longValue());
        assertTrue(range.getJsonArray("checkpoints").stream().anyMatch(c -> c.asJsonObject().getJsonNumber("treeSize").longValue() == sealedSize),
                "the checkpoint the range reaches is checked: " + range);
        HttpResponse<String> backwards = client.get("/api/integrity/verification?from=3&to=2", officer);
        assertEquals(400, backwards.statusCode(), backwards.body());
        assertTrue(backwards.body().contains("0 <= from <= to"), backwards.body());

        // An auditor checks an event's inclusion and the log's consistency without trusting the server.
        String eventId = events("agent=" + trail.agent("claims-bot")).getJsonArray("items").getJsonObject(0).getString("id");
        JsonObject inclusion = json(client.get("/api/integrity/events/" + eventId + "/inclusion-proof", officer).body()).asJsonObject();
        assertTrue(InclusionProof.verify(inclusion.getJsonNumber("leafIndex").longValue(), inclusion.getJsonNumber("treeSize").longValue(),
                HexFormat.of().parseHex(inclusion.getString("leafHash")), hexList(inclusion.getJsonArray("path")),
                HexFormat.of().parseHex(checkpoint.getString("rootHash"))), inclusion.toString());

        client.importAndWait(officer, "api-test-" + trail.suffix + "-more", new AgentTrail().action("late-bot", "x", DAY, "success").jsonLines());
        JsonObject later = json(client.send("POST", "/api/integrity/checkpoints", officer, "application/json", "").body()).asJsonObject();
        long oldSize = checkpoint.getJsonNumber("treeSize").longValue();
        long newSize = later.getJsonNumber("treeSize").longValue();
        JsonObject consistency = json(client.get("/api/integrity/consistency-proof?from=" + oldSize + "&to=" + newSize, officer).body()).asJsonObject();
        assertTrue(ConsistencyProof.verify(oldSize, newSize, HexFormat.of().parseHex(checkpoint.getString("rootHash")),
                HexFormat.of().parseHex(later.getString("rootHash")), hexList(consistency.getJsonArray("proof"))), consistency.toString());
        assertEquals(403, client.send("POST", "/api/integrity/checkpoints", client.createAccount("AUDITOR"), "application/json", "").statusCode(),
                "auditors read the log but do not seal it");
    }

    @Test
    void aSourceKeepsItsFormat() {
        String source = "api-test-" + trail.suffix;
        client.importAndWait(officer, source, trail.jsonLines());

        HttpResponse<String> refused = client.send("POST", "/api/imports?source=" + source + "&format=otlp-json", officer,
                "application/x-ndjson", new OtlpTrail().span("chat", DAY, 10, "").line());

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("holds JSONL_FILE data"), refused.body());
        assertEquals(400, client.send("POST", "/api/imports?source=x&format=csv", officer, "application/x-ndjson", "{}\n").statusCode());
    }

    private static java.util.List<byte[]> hexList(JsonArray hashes) {
        return hashes.getValuesAs(jakarta.json.JsonString.class).stream().map(s -> HexFormat.of().parseHex(s.getString())).toList();
    }

    private JsonObject importAndWait(String source, String format, String lines) {
        return client.importAndWait(officer, source, format, lines);
    }

    @Test
    void aReportPeriodMustBeValid() {
        HttpResponse<String> response = client.get("/api/reports/audit-trail-summary?from=2026-10-06&to=2026-10-05", officer);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("'from' must be before 'to'"), response.body());
    }

    private JsonObject events(String query) {
        HttpResponse<String> response = client.get("/api/events?" + query, officer);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).asJsonObject();
    }
}
