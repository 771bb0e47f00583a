package io.trailkeeper.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTest {

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void toJsonHoldsEveryMember() {
        JsonObject json = parse(Problem.of(Response.Status.NOT_FOUND, "no import 42").at("/api/imports/42").toJson());

        assertEquals("urn:trailkeeper:problem:not-found", json.getString("type"));
        assertEquals("Not Found", json.getString("title"));
        assertEquals(404, json.getInt("status"));
        assertEquals("no import 42", json.getString("detail"));
        assertEquals("/api/imports/42", json.getString("instance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "the \"from\" parameter",
            "C:\\logs\\trail.jsonl",
            "line one\nline two\r\nline three",
            "tab\there",
            "bell\u0007 nul\u0000 escape\u001b unit separator\u001f",
            "ends with a backslash \\",
            "</script><script>alert(1)</script>",
            "Prüfung ✓ 日志 \uD83D\uDE00"
    })
    void toJsonIsValidJsonThatReadsBackTheSameText(String detail) {
        String json = Problem.of(400, "Bad Request", detail).at(detail).toJson();

        JsonObject parsed = parse(json);
        assertEquals(detail, parsed.getString("detail"));
        assertEquals(detail, parsed.getString("instance"));
    }

    @Test
    void controlCharactersAreEscapedNotWrittenRaw() {
        String json = Problem.of(400, "Bad Request", "a\u0000b\u0007c\nd").toJson();

        assertTrue(json.chars().noneMatch(c -> c < 0x20), json);
        assertTrue(json.contains("\\u0000") && json.contains("\\u0007") && json.contains("\\n"), json);
    }

    @Test
    void withoutAnInstanceTheMemberIsLeftOut() {
        JsonObject json = parse(Problem.of(400, "Bad Request", "x").toJson());

        assertFalse(json.containsKey("instance"));
    }

    @Test
    void aMissingDetailIsJsonNull() {
        JsonObject json = parse(Problem.of(400, "Bad Request", null).toJson());

        assertEquals(JsonValue.NULL, json.get("detail"));
    }

    @Test
    void theTypeIsAUrnSlugOfTheTitle() {
        assertEquals("urn:trailkeeper:problem:content-too-large", Problem.of(413, "Content Too Large", "x").type());
        assertEquals("urn:trailkeeper:problem:internal-server-error",
                Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "x").type());
        assertEquals("urn:trailkeeper:problem:weird-title-2", Problem.of(400, "  Weird -- Title!! #2 ", "x").type());
    }

    @Test
    void aMissingTitleGivesTheUnknownType() {
        assertEquals("urn:trailkeeper:problem:unknown", Problem.of(400, null, "x").type());
    }

    @Test
    void atSetsTheInstanceAndKeepsTheRest() {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "bad period");

        Problem located = problem.at("/api/events");

        assertEquals("/api/events", located.instance());
        assertEquals(problem.type(), located.type());
        assertEquals(problem.title(), located.title());
        assertEquals(problem.status(), located.status());
        assertEquals(problem.detail(), located.detail());
        assertNull(problem.instance(), "the original is unchanged");
    }

    @Test
    void theResponseCarriesTheStatusAndTheProblemMediaType() {
        Response response = Problem.of(413, "Content Too Large", "x").toResponse();

        assertEquals(413, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
    }
}
