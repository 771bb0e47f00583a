package io.trailkeeper.ingest.format.json.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** What the robustness tests of the record formats require of every answer, whatever the input. */
public final class Verdicts {

    // Json.createReader would look the provider up on every call, which dominates a fuzz loop.
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private Verdicts() {
    }

    /**
     * A rejection says why, on one line, and without quoting what the record held: reasons are
     * shown to officers and written to logs.
     */
    public static void assertExplains(String reason, List<String> neverQuoted) {
        assertFalse(reason.isBlank(), "a rejection says why");
        assertTrue(reason.codePoints().noneMatch(Character::isISOControl), "a reason cannot forge log lines: " + reason);
        for (String content : neverQuoted) {
            assertFalse(reason.contains(content), "a reason never quotes the record: " + reason);
        }
    }

    /**
     * A value taken from the record appears in it: as written, or as the number the record writes
     * in another notation. Not checked when the record escapes characters, which JSON decodes.
     */
    public static void assertFromTheRecord(String record, String value) {
        if (record.contains("\\") || record.contains(value)) {
            return;
        }
        if (JSON_NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value);
            assertTrue(JSON_NUMBER.matcher(record).results().anyMatch(written -> new BigDecimal(written.group()).compareTo(number) == 0),
                    () -> value + " is not a number in the record " + record);
            return;
        }
        fail("'" + value + "' is not in the record " + record);
    }

    /** Content is stored and shown as a JSON object, so it must read back as one. */
    public static void assertJsonObject(String contentJson) {
        if (contentJson != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(contentJson))) {
                reader.readObject();
            }
        }
    }

    /** What no reading may take for a JSON object: bytes that are not UTF-8, or a text not closed by '}'. */
    public static boolean clearlyCorrupted(byte[] record) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(record));
        } catch (CharacterCodingException notUtf8) {
            return true;
        }
        return !new String(record, StandardCharsets.UTF_8).stripTrailing().endsWith("}");
    }
}
