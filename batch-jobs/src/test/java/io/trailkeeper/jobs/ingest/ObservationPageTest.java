package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ObservationPageTest {

    static ObservationPage read(String body, int max) throws UnreadablePage {
        return ObservationPage.read(body.getBytes(StandardCharsets.UTF_8), max);
    }

    static String text(ObservationEntry entry) {
        return new String(entry.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void elementsKeepTheirTextIdsAndByteOffsets() throws UnreadablePage {
        String body = "{\"data\": [ {\"id\":\"é-1\", \"input\":\"Grüße\"},{\"id\":7}, \"stray\", [1] ], \"meta\": {\"cursor\": \"abc\"}}";
        ObservationPage page = read(body, 1024);
        List<ObservationEntry> entries = page.observations();
        assertEquals(4, entries.size());
        assertEquals("{\"id\":\"é-1\", \"input\":\"Grüße\"}", text(entries.get(0)));
        assertEquals("é-1", entries.get(0).id());
        assertEquals(11, entries.get(0).byteOffset());
        assertEquals("{\"id\":7}", text(entries.get(1)));
        assertEquals("7", entries.get(1).id());
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length - new String(body.substring(body.indexOf("{\"id\":7}"))).getBytes(StandardCharsets.UTF_8).length,
                entries.get(1).byteOffset(), "offsets count bytes, not characters");
        assertEquals("\"stray\"", text(entries.get(2)));
        assertNull(entries.get(2).id());
        assertEquals("[1]", text(entries.get(3)));
        assertEquals("abc", page.nextCursor());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"data\":[],\"meta\":{}}",
            "{\"data\":[],\"meta\":{\"cursor\":null}}",
            "{\"data\":[],\"meta\":{\"cursor\":\"\"}}",
            "{\"meta\":{\"totalItems\":0},\"data\":[]}",
            "{\"data\":[]}"})
    void aPageWithoutCursorIsTheLast(String body) throws UnreadablePage {
        assertNull(read(body, 1024).nextCursor());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html>502 Bad Gateway</html>| the page is not valid JSON",
            "[1,2]| the page is not a JSON object",
            "{\"meta\":{}}| the page has no 'data' array",
            "{\"data\":{}}| the page's 'data' is not an array",
            "{\"data\":[],\"meta\":{\"cursor\":5}}| the page's 'meta.cursor' is not a string",
            "{\"data\":[{\"id\":\"a\"}| the page is not valid JSON",
            "{\"data\":[]} {}| the page is not valid JSON"})
    void somethingElseIsNotAPage(String body, String reason) {
        UnreadablePage failure = assertThrows(UnreadablePage.class, () -> read(body, 1024));
        assertEquals(reason, failure.getMessage());
    }

    @Test
    void invalidUtf8IsNotAPage() {
        byte[] body = {'{', '"', 'd', (byte) 0xC3, '"', ':', '1', '}'};
        assertEquals("the page is not valid UTF-8", assertThrows(UnreadablePage.class, () -> ObservationPage.read(body, 1024)).getMessage());
    }

    @Test
    void anOversizeObservationKeepsItsHeadAndTrueSize() throws UnreadablePage {
        String big = "{\"id\":\"big\",\"input\":\"" + "x".repeat(5000) + "\"}";
        ObservationPage page = read("{\"data\":[" + big + ",{\"id\":\"small\"}]}", 1024);
        ObservationEntry entry = page.observations().get(0);
        assertTrue(entry.truncated());
        assertEquals(1024, entry.bytes().length);
        assertEquals(big.length(), entry.originalLength());
        assertEquals("big", entry.id(), "the id is still known for the checkpoint");
        assertEquals("small", page.observations().get(1).id());
    }
}
