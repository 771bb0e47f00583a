package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import io.trailkeeper.trail.entity.MaskingCounts;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Masks the string values of a JSON text and leaves its structure alone: keys, numbers, literals,
 * nesting and member order are kept, since they are what makes a tool call or a payload readable
 * as evidence.
 *
 * <p>A string value whose member name is a secret's name ({@link SecretLabel}), as in
 * {@code "password": "hunter2!"}, is masked whole once it is six characters or longer: inside a
 * JSON text the name is only a key, so the value alone would not show it is a credential.
 *
 * <p>Text in the compact form the ingest formats write goes through {@link CanonicalJsonText}, which
 * gives the same result in one scan without a parser. Any other text is streamed twice rather than
 * built into a tree: once to mask the values and
 * validate, and, only if something was masked, once more to write the result. A text with nothing
 * to mask, which is nearly every text, is returned as it came, byte for byte. A masked one is
 * written compactly, as the rest of ingest stores JSON; JSON-P may respell a number's exponent
 * ({@code 1e5} as {@code 1E+5}) but never changes its value.
 */
final class JsonStringValues {

    private final JsonParserFactory parsers;
    private final JsonGeneratorFactory generators;

    JsonStringValues(JsonProvider json) {
        this.parsers = json.createParserFactory(Map.of());
        this.generators = json.createGeneratorFactory(Map.of());
    }

    /** @return the masked JSON text, or {@code null} when the text is not JSON */
    MaskedText mask(String json, Function<String, MaskedText> maskText) {
        MaskedText canonical = CanonicalJsonText.mask(json, (name, value) -> maskValue(name, value, maskText));
        return canonical != null ? canonical : maskByParsing(json, maskText);
    }

    /** The general way, for any text: the same result as {@link CanonicalJsonText} where that applies. */
    MaskedText maskByParsing(String json, Function<String, MaskedText> maskText) {
        List<String> values = new ArrayList<>();
        MaskingCounts counts = MaskingCounts.NONE;
        try (JsonParser parser = parsers.createParser(new StringReader(json))) {
            String name = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.VALUE_STRING) {
                    MaskedText value = maskValue(name, parser.getString(), maskText);
                    values.add(value.text());
                    if (value.counts().total() > 0) {
                        counts = counts.plus(value.counts());
                    }
                }
                name = event == JsonParser.Event.KEY_NAME ? parser.getString() : null;
            }
        } catch (RuntimeException notJson) {
            // JSON-P reports malformed text, and on some implementations too-deep nesting or
            // too-long numbers, with unchecked exceptions of its own choosing. Any of them means
            // "not JSON we can rewrite"; the caller masks the text as plain text instead.
            return null;
        }
        if (counts.total() == 0) {
            return new MaskedText(json, MaskingCounts.NONE);
        }
        String rewritten = rewrite(json, values);
        return rewritten == null ? null : new MaskedText(rewritten, counts);
    }

    private static MaskedText maskValue(String name, String value, Function<String, MaskedText> maskText) {
        if (name != null && value.length() >= LabelledSecrets.MIN_VALUE_LENGTH && SecretLabel.names(name)
                && !Markers.isMarker(value)) {
            return new MaskedText(Markers.of(MaskCategory.SECRET),
                    MaskingCounts.NONE.plus(MaskCategory.SECRET));
        }
        return maskText.apply(value);
    }

    private String rewrite(String json, List<String> values) {
        StringWriter out = new StringWriter(json.length() + 64);
        try (JsonParser parser = parsers.createParser(new StringReader(json));
             JsonGenerator generator = generators.createGenerator(out)) {
            int next = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> generator.writeStartObject();
                    case START_ARRAY -> generator.writeStartArray();
                    case END_OBJECT, END_ARRAY -> generator.writeEnd();
                    case KEY_NAME -> generator.writeKey(parser.getString());
                    case VALUE_STRING -> generator.write(values.get(next++));
                    case VALUE_NUMBER -> generator.write(parser.getValue());
                    case VALUE_TRUE -> generator.write(JsonValue.TRUE);
                    case VALUE_FALSE -> generator.write(JsonValue.FALSE);
                    case VALUE_NULL -> generator.write(JsonValue.NULL);
                }
            }
        } catch (RuntimeException notJson) {
            return null; // as in mask(); the first pass has already read the same text, so not expected
        }
        return out.toString();
    }
}
