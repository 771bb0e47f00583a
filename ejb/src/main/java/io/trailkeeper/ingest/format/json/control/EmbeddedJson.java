package io.trailkeeper.ingest.format.json.control;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads JSON that instrumentations put into string attributes. The GenAI semantic conventions
 * (gen-ai-spans.md, "Recording content on attributes") let {@code gen_ai.input.messages},
 * {@code gen_ai.output.messages} and {@code gen_ai.system_instructions} be recorded as a JSON string
 * where a structured attribute is not supported, and many SDKs do the same for tool call arguments
 * and results and for message event bodies. Stored as parsed JSON, an officer sees the messages
 * instead of an escaped string.
 *
 * <p>Only a JSON object or array is parsed. Text that merely happens to be a JSON scalar, such as a
 * tool result of {@code 42} or {@code true}, stays the string it was, and so does anything that
 * does not parse: content is evidence and must not change meaning on the way in. Text whose escapes
 * decode to an unpaired surrogate stays text as well: the text itself is valid Unicode and can be
 * kept, the parsed strings could not (see {@link StorableText}).
 */
public final class EmbeddedJson {

    private final JsonParserFactory parsers;

    public EmbeddedJson(JsonProvider json) {
        this.parsers = json.createParserFactory(Map.of());
    }

    /** @return the parsed object or array when {@code value} is a string holding one, else {@code value} itself */
    public JsonValue expand(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return value;
        }
        JsonValue parsed = parseContainer(((JsonString) value).getString());
        return parsed == null ? value : parsed;
    }

    private JsonValue parseContainer(String text) {
        int first = 0;
        while (first < text.length() && isJsonWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == text.length() || (text.charAt(first) != '{' && text.charAt(first) != '[')) {
            return null;
        }
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            parser.next();
            JsonValue parsed = parser.getValue();
            if (parser.hasNext()) {
                return null;
            }
            // Only an escape can put a surrogate into a parsed string that was not in the text.
            return text.indexOf("\\u") < 0 || isWellFormed(parsed) ? parsed : null;
        } catch (RuntimeException e) {
            // Not JSON after all (or beyond the parser's depth and size limits): keep the text.
            return null;
        }
    }

    private static boolean isWellFormed(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> StorableText.isWellFormed(((JsonString) value).getString());
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .allMatch(member -> StorableText.isWellFormed(member.getKey()) && isWellFormed(member.getValue()));
            case ARRAY -> value.asJsonArray().stream().allMatch(EmbeddedJson::isWellFormed);
            default -> true;
        };
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
