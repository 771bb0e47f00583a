package io.trailkeeper.ingest.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStringArrayTest {

    @Test
    void event_ids_with_any_characters_come_back_unchanged_from_a_json_parser() {
        List<String> ids = List.of("evt-1", "quote\"d", "back\\slash", "line\nbreak\ttab\u0001", "ünïcode ✓", "");
        String json = JsonStringArray.of(ids);
        JsonArray parsed = JsonProvider.provider().createReader(new StringReader(json)).readArray();
        assertEquals(ids, parsed.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    @Test
    void no_ids_is_an_empty_array() {
        assertEquals("[]", JsonStringArray.of(List.of()));
    }
}
