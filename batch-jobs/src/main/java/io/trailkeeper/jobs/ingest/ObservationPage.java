package io.trailkeeper.jobs.ingest;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One page of Langfuse's observations API: {@code {"data": [...], "meta": {"cursor": "..."}}}. The
 * cursor is opaque (Base64 of the last row's sort key, as far as the server code shows) and absent
 * on the last page; this reader also takes an empty or null cursor for "no more pages". Each element
 * of {@code data} is kept as the exact text the API sent, so a quarantined observation holds the
 * source's own bytes.
 *
 * @param nextCursor what to send for the next page; null on the last page
 */
public record ObservationPage(List<ObservationEntry> observations, String nextCursor) {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    public ObservationPage {
        observations = List.copyOf(observations);
    }

    /**
     * @param body the response body, already within the page size limit
     * @param maxObservationBytes longer elements keep their head and their true size
     */
    public static ObservationPage read(byte[] body, int maxObservationBytes) throws UnreadablePage {
        String text;
        try {
            // REPORT, not REPLACE: a substituted character would alter evidence.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadablePage("the page is not valid UTF-8");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new UnreadablePage("the page is not a JSON object");
            }
            List<ObservationEntry> entries = null;
            String cursor = null;
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if ("data".equals(key)) {
                    if (value != JsonParser.Event.START_ARRAY) {
                        throw new UnreadablePage("the page's 'data' is not an array");
                    }
                    entries = elements(parser, text, maxObservationBytes);
                } else if ("meta".equals(key)) {
                    cursor = cursor(parser.getValue());
                } else {
                    parser.getValue(); // other members are not part of the contract; skipped
                }
            }
            if (parser.hasNext()) {
                throw new UnreadablePage("the page has content after its JSON object");
            }
            if (entries == null) {
                throw new UnreadablePage("the page has no 'data' array");
            }
            return new ObservationPage(entries, cursor);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new UnreadablePage("the page is not valid JSON");
        } catch (RuntimeException e) {
            // Parser limits (nesting depth, number size) surface outside the JSON-P hierarchy.
            throw new UnreadablePage("the page exceeds the JSON reader's limits (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String cursor(JsonValue meta) throws UnreadablePage {
        if (meta.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue cursor = ((JsonObject) meta).get("cursor");
        if (cursor == null || cursor.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (cursor.getValueType() != JsonValue.ValueType.STRING) {
            throw new UnreadablePage("the page's 'meta.cursor' is not a string");
        }
        String text = ((JsonString) cursor).getString();
        return text.isBlank() ? null : text;
    }

    private static List<ObservationEntry> elements(JsonParser parser, String text, int maxObservationBytes) {
        List<ObservationEntry> entries = new ArrayList<>();
        Utf8Offsets offsets = new Utf8Offsets(text);
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            boolean container = event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY;
            long afterStart = parser.getLocation().getStreamOffset();
            JsonValue value = parser.getValue();
            long end = parser.getLocation().getStreamOffset();
            String raw;
            int start;
            // JSON-P reports the offset after the current token: just past '{' at the start and past
            // '}' at the end of a container. Checked, because it is not a promise of the API; when it
            // does not hold, the value written back compactly is the next best record of what came.
            if (container && afterStart >= 1 && end <= text.length() && afterStart <= end
                    && text.charAt((int) afterStart - 1) == (event == JsonParser.Event.START_OBJECT ? '{' : '[')
                    && text.charAt((int) end - 1) == (event == JsonParser.Event.START_OBJECT ? '}' : ']')) {
                start = (int) afterStart - 1;
                raw = text.substring(start, (int) end);
            } else {
                raw = value.toString();
                start = (int) Math.max(0, Math.min(text.length(), end) - raw.length());
            }
            byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
            byte[] kept = bytes.length > maxObservationBytes ? Arrays.copyOf(bytes, maxObservationBytes) : bytes;
            entries.add(new ObservationEntry(entries.size(), idOf(value), offsets.at(start), kept, bytes.length));
        }
        return entries;
    }

    private static String idOf(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue id = ((JsonObject) value).get("id");
        if (id instanceof JsonString string) {
            return string.getString();
        }
        return id instanceof JsonNumber number ? number.toString() : null;
    }

    /** UTF-8 byte offsets of increasing character positions, counted once over the text. */
    private static final class Utf8Offsets {
        private final String text;
        private int chars;
        private long bytes;

        Utf8Offsets(String text) {
            this.text = text;
        }

        long at(int position) {
            if (position < chars) {
                chars = 0;
                bytes = 0;
            }
            while (chars < position) {
                char c = text.charAt(chars);
                if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && chars + 1 < position && Character.isLowSurrogate(text.charAt(chars + 1))) {
                    bytes += 4;
                    chars++;
                } else {
                    bytes += 3;
                }
                chars++;
            }
            return bytes;
        }
    }

    @Override
    public String toString() {
        return "ObservationPage[observations=" + observations.size() + ", last=" + (nextCursor == null) + "]";
    }
}
