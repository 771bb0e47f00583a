package io.trailkeeper.ingest.format.json.control;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.CharArrayReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one line of bytes into the members of its top-level JSON object, or explains precisely
 * why it cannot.
 *
 * <p>Duplicate top-level keys: the last occurrence wins and the member keeps the place of the
 * first. That is what most JSON libraries that write such logs do when they read them back, and
 * deciding it here rather than leaving it to the JSON-P implementation keeps the outcome the
 * same on every server.
 */
public final class JsonLineDecoder {

    private final JsonProvider json;
    private final JsonParserFactory parsers;

    public JsonLineDecoder(JsonProvider json) {
        this.json = json;
        this.parsers = json.createParserFactory(Map.of());
    }

    /**
     * @param line the line without terminator
     * @return the object's members in source order
     * @throws InvalidRecordException when the line is not a single UTF-8 JSON object
     */
    public Map<String, JsonValue> decode(byte[] line) {
        int start = ByteOrderMark.length(line);
        if (start == line.length) {
            throw new InvalidRecordException("line is empty");
        }
        if (AsciiWhitespace.isBlank(line, start, line.length)) {
            throw new InvalidRecordException("line is blank (whitespace only)");
        }
        return parseObject(decodeUtf8(line, start));
    }

    /**
     * Characters of lines up to this many are decoded into a buffer kept by the thread; a longer
     * line gets a buffer of its own, so that no thread keeps a huge one after a rare huge line.
     */
    private static final int KEPT_BUFFER_CHARS = 64 * 1024;

    /**
     * The decoder and character buffer of each thread. A large import decodes millions of lines on
     * one thread; a new decoder and buffer per line were an eighth of the bytes it allocated. Only
     * JDK types are kept, so that pooled server threads never hold the application's classes
     * after it is undeployed.
     */
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
            // REPORT, not the default REPLACE, because silently substituting U+FFFD would alter evidence.
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
    private static final ThreadLocal<CharBuffer> CHARS = ThreadLocal.withInitial(() -> CharBuffer.allocate(4096));

    private static CharBuffer bufferFor(int bytes) {
        // UTF-8 never needs more chars than bytes.
        if (bytes > KEPT_BUFFER_CHARS) {
            return CharBuffer.allocate(bytes);
        }
        CharBuffer chars = CHARS.get();
        if (chars.capacity() < bytes) {
            chars = CharBuffer.allocate(Math.min(KEPT_BUFFER_CHARS, Math.max(bytes, chars.capacity() * 2)));
            CHARS.set(chars);
        }
        return chars.clear();
    }

    /** @return the characters; valid only until the same thread decodes its next line */
    private static CharBuffer decodeUtf8(byte[] line, int start) {
        CharsetDecoder decoder = DECODER.get().reset();
        ByteBuffer in = ByteBuffer.wrap(line, start, line.length - start);
        CharBuffer out = bufferFor(line.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidRecordException(
                    "not valid UTF-8: invalid byte sequence at byte " + (in.position() + 1));
        }
        return out.flip();
    }

    private Map<String, JsonValue> parseObject(CharBuffer text) {
        try (JsonParser parser = parsers.createParser(
                new CharArrayReader(text.array(), text.arrayOffset(), text.remaining()))) {
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw new InvalidRecordException("expected a JSON object but found " + describe(first));
            }
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (JsonParser.Event event = parser.next();
                    event != JsonParser.Event.END_OBJECT;
                    event = parser.next()) {
                String key = parser.getString();
                // A string member, most of a line, is copied once into a String: the generic
                // getValue() copies it into a builder first and again when it is read.
                members.put(key, parser.next() == JsonParser.Event.VALUE_STRING
                        ? json.createValue(parser.getString())
                        : parser.getValue());
            }
            if (parser.hasNext()) {
                throw new InvalidRecordException("not valid JSON: unexpected content after the JSON object");
            }
            return members;
        } catch (JsonParsingException e) {
            throw new InvalidRecordException("not valid JSON: " + describe(e));
        } catch (JsonException e) {
            throw new InvalidRecordException("not valid JSON: the line could not be read");
        } catch (InvalidRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            // Implementations enforce their own safety limits (nesting depth, number length) with
            // unchecked exceptions outside the JSON-P hierarchy, as Parsson does for both.
            throw new InvalidRecordException("not valid JSON: " + describeLimit(e));
        }
    }

    private static String describe(JsonParser.Event event) {
        return switch (event) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "unexpected JSON (" + event + ")";
        };
    }

    /**
     * Rephrases the implementation's message, which quotes raw character codes and parser
     * internals, into the position and kind of problem, which is all a person needs.
     */
    private static String describe(JsonParsingException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("EOF token, but got")) {
            return "unexpected content after the JSON object";
        }
        if (message.contains("token=EOF") || message.contains("char -1")) {
            return "the line ends before the JSON object is complete";
        }
        JsonLocation location = e.getLocation();
        long column = location == null ? -1 : location.getColumnNumber();
        if (message.startsWith("Invalid token")) {
            // Implementations locate a whole token by its end, not its start, hence "near".
            return "unexpected value" + (column > 0 ? " near column " + column : "");
        }
        return "unexpected character" + (column > 0 ? " at column " + column : "");
    }

    private static String describeLimit(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("nested")) {
            return "the object is nested too deeply";
        }
        if (message.contains("BigDecimal") || message.contains("BigInteger")) {
            return "a number has too many digits";
        }
        return "the JSON reader refused the line (" + e.getClass().getSimpleName() + ")";
    }
}
