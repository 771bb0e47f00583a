package io.trailkeeper.reports.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** The embedded model, read by an independent JSON parser, says what the report says. */
class EvidenceJsonTest {

    private static final EvidenceReport REPORT = EvidenceFixtures.report(true);

    @Test
    void theModelReadsBackWithEveryValueExact() {
        JsonObject json = parse(EvidenceJson.of(REPORT));
        assertEquals("Acme Robotics GmbH", json.getString("organisation"));
        assertEquals("2026-01-01T00:00:00Z", json.getJsonObject("period").getString("start"));
        assertEquals(1_234_567, json.getJsonObject("checkpoint").getJsonNumber("treeSize").longValueExact());
        assertTrue(json.getJsonObject("signer").getBoolean("development"));

        JsonArray sections = json.getJsonArray("sections");
        assertEquals(REPORT.sections().stream().map(Section::criterionId).toList(),
                sections.getValuesAs(JsonObject.class).stream().map(s -> s.getString("criterionId")).toList());
        JsonObject writes = sections.getJsonObject(1);
        assertEquals("EXCEPTIONS", writes.getString("result"));
        assertEquals(12_000, writes.getInt("populationSize"));
        assertEquals(JsonValue.NULL, writes.get("population"), "counted, not listed");
        JsonArray rows = writes.getJsonObject("exceptions").getJsonArray("rows");
        assertEquals(EvidenceFixtures.WRITE_EXCEPTIONS, rows.size());
        assertEquals(EvidenceFixtures.HOSTILE_TARGET, rows.getJsonArray(7).getString(3), "control characters, emoji, lone surrogate");

        JsonArray population = sections.getJsonObject(0).getJsonObject("population").getJsonArray("rows");
        assertTrue(population.getJsonArray(2).isNull(2), "a value not recorded stays null");
        JsonObject chart = sections.getJsonObject(2).getJsonObject("chart");
        assertEquals("daily", chart.getString("type"));
        assertEquals(90, chart.getJsonArray("days").size());
        assertEquals("2026-01-01", chart.getJsonArray("days").getJsonObject(0).getString("day"));
    }

    @Test
    void generationTimeAndPersonAreNotPartOfTheData() {
        String json = new String(EvidenceJson.of(REPORT), StandardCharsets.UTF_8);
        assertFalse(json.contains("officer.jane") || json.contains("2026-04-02T09:30"), json.substring(0, 300));
        EvidenceReport later = EvidenceFixtures.report(true, Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(List.of(json), List.of(new String(EvidenceJson.of(later), StandardCharsets.UTF_8)));
    }

    private static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }
}
