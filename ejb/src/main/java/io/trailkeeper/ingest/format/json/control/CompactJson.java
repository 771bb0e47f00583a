package io.trailkeeper.ingest.format.json.control;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.Map;

/**
 * Writes JSON text without whitespace. Members are written one by one through a generator rather
 * than via a built {@code JsonObject}, because JSON-P does not promise that objects keep member
 * order, and the original order is part of what an officer reads.
 */
public final class CompactJson {

    private final JsonGeneratorFactory generators;

    public CompactJson(JsonProvider json) {
        this.generators = json.createGeneratorFactory(Map.of());
    }

    public String writeObject(Map<String, JsonValue> members) {
        return writeObject(members, 256);
    }

    /**
     * @param expectedLength about how long the text will be, e.g. the length of the line the members
     *     came from: a buffer of the right size spares the copies of a growing one, per event
     */
    public String writeObject(Map<String, JsonValue> members, int expectedLength) {
        StringWriter text = new StringWriter(Math.max(16, expectedLength));
        try (JsonGenerator generator = generators.createGenerator(text)) {
            generator.writeStartObject();
            members.forEach(generator::write);
            generator.writeEnd();
        }
        return text.toString();
    }

    public String writeValue(JsonValue value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = generators.createGenerator(text)) {
            generator.write(value);
        }
        return text.toString();
    }
}
