package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.format.json.control.CompactJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Masking compact JSON in one scan must give exactly what the general way (parse, mask, write with
 * JSON-P) gives, for every text: the same masked text, the same counts, and "not JSON" alike.
 */
class CanonicalJsonTextTest {

    private static final JsonProvider JSON = JsonProvider.provider();
    private final SensitiveDataMasking masking = new SensitiveDataMasking();
    private final JsonStringValues values = new JsonStringValues(JSON);
    private final CompactJson compact = new CompactJson(JSON);

    private static final List<String> STRINGS = List.of(
            "", "plain words", "mail jane.doe@example.com now", "call +44 20 7946 0018", "card 4111 1111 1111 1111",
            "ssn 078-05-1120", "Authorization: Bearer " + Fabricated.STRIPE_LIVE_SECRET, Fabricated.STRIPE_LIVE_SECRET,
            "quote \" and backslash \\ and slash /", "tab\tnew\nline\rcr\bbs\fff", "nul \u0000 and \u001f and \u007f",
            "unicode é ü € 😀 \u2028", "[MASKED:EMAIL] already", "hunter2hunter2", "x@y.co");
    private static final List<String> NAMES = List.of("prompt", "password", "api_key", "note", "jane.doe@example.com", "a\"b", "tab\tkey");

    @Test
    void masksTheCompactFormInOneScanExactlyAsTheGeneralWay() {
        String text = compact.writeObject(Map.of("prompt", JSON.createValue("Refund for jane.doe@example.com")));
        MaskedText scanned = CanonicalJsonText.mask(text, (name, value) -> masking.mask(value));
        assertNotNull(scanned, "the formats' own output is canonical");
        assertEquals("{\"prompt\":\"Refund for [MASKED:EMAIL]\"}", scanned.text());
        assertEquals(1, scanned.counts().emails());
    }

    @Test
    void aTextWithNothingToMaskIsReturnedItself() {
        String text = compact.writeObject(Map.of("prompt", JSON.createValue("nothing here"), "n", JSON.createValue(3)));
        assertSame(text, values.mask(text, masking::mask).text());
    }

    @Test
    void randomContentWrittenByTheFormatsMasksAlikeBothWays() {
        Random random = new Random(20261122);
        int canonical = 0;
        for (int i = 0; i < 3000; i++) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            int size = 1 + random.nextInt(5);
            for (int m = 0; m < size; m++) {
                members.put(NAMES.get(random.nextInt(NAMES.size())) + (m == 0 ? "" : m), randomValue(random, 0));
            }
            String text = compact.writeObject(members);
            if (CanonicalJsonText.mask(text, (name, value) -> masking.mask(value)) != null) {
                canonical++;
            }
            assertAlike(text);
        }
        assertTrue(canonical > 2500, "nearly all generated content takes the one-scan way: " + canonical);
    }

    @Test
    void textsNotInCompactFormOrNotJsonMaskAlikeBothWays() {
        List<String> texts = List.of(
                "{\"a\": \"jane.doe@example.com\"}", "{ \"a\":\"jane.doe@example.com\"}", "{\"a\":\"jane.doe@example.com\"} ",
                "{\"a\":\"x\\/y jane.doe@example.com\"}", "{\"a\":\"\\u0041 jane.doe@example.com\"}", "{\"a\":\"\\u001F jane.doe@example.com\"}",
                "{\"a\":\"\\u001f jane.doe@example.com\"}", "{\"a\":\"\\u000a jane.doe@example.com\"}", "{\"a\":\"\\ud83d\\ude00 jane.doe@example.com\"}",
                "{\"n\":1e5,\"a\":\"jane.doe@example.com\"}", "{\"n\":1E+5,\"a\":\"jane.doe@example.com\"}", "{\"n\":-0,\"a\":\"jane.doe@example.com\"}",
                "{\"n\":-0.0,\"a\":\"jane.doe@example.com\"}", "{\"n\":0.0000001,\"a\":\"jane.doe@example.com\"}", "{\"n\":1.50,\"a\":\"jane.doe@example.com\"}",
                "{\"n\":01,\"a\":\"jane.doe@example.com\"}", "{\"n\":1.,\"a\":\"jane.doe@example.com\"}", "{\"n\":.5,\"a\":\"jane.doe@example.com\"}",
                "{\"n\":123456789012345678901234567890,\"a\":\"jane.doe@example.com\"}", "{\"a\":\"jane.doe@example.com\"",
                "{\"a\":\"jane.doe@example.com\",}", "{\"a\" \"jane.doe@example.com\"}", "{\"a\":\"tab\there jane.doe@example.com\"}",
                "{\"a\":tru,\"b\":\"jane.doe@example.com\"}", "{\"a\":[1,,2],\"b\":\"jane.doe@example.com\"}", "[\"jane.doe@example.com\"]",
                "\"jane.doe@example.com\"", "{}", "{\"a\":{}}", "{\"a\":[]}", "{\"password\":\"hunter2hunter2\"}", "{\"password\":\"short\"}",
                "{\"password\":[\"hunter2hunter2\"]}", "{\"a\":\"jane.doe@example.com\"}{\"b\":1}", "not json jane.doe@example.com", "",
                "{" + "\"a\":[".repeat(70) + "\"jane.doe@example.com\"" + "]".repeat(70) + "}");
        for (String text : texts) {
            assertAlike(text);
        }
    }

    @Test
    void mutatedCompactTextsMaskAlikeBothWays() {
        Random random = new Random(4242);
        String alphabet = " \t\"\\/,:{}[]0123456789.eE+-tfnu@";
        for (int i = 0; i < 3000; i++) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            members.put(NAMES.get(random.nextInt(NAMES.size())), randomValue(random, 0));
            members.put("prompt", JSON.createValue(STRINGS.get(random.nextInt(STRINGS.size()))));
            StringBuilder text = new StringBuilder(compact.writeObject(members));
            int position = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(position, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> text.deleteCharAt(position);
                default -> text.insert(position, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertAlike(text.toString());
        }
    }

    @Test
    void stringsAreWrittenAsTheGeneratorWritesThem() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String value = "a" + (char) c + "b";
            StringBuilder scanned = new StringBuilder();
            CanonicalJsonText.appendEscaped(value, scanned);
            assertEquals(generated(value), scanned.toString(), "character U+" + Integer.toHexString(c));
        }
    }

    private void assertAlike(String text) {
        MaskedText general = values.maskByParsing(text, masking::mask);
        MaskedText either = values.mask(text, masking::mask);
        assertEquals(general, either, text);
    }

    private static String generated(String value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartArray().write(value).writeEnd();
        }
        String array = out.toString();
        return array.substring(1, array.length() - 1);
    }

    private static JsonValue randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0, 1, 2 -> JSON.createValue(randomString(random));
            case 3 -> JSON.createValue(random.nextInt(2000) - 1000);
            case 4 -> switch (random.nextInt(4)) {
                case 0 -> JSON.createValue(new BigDecimal("12.50"));
                case 1 -> JSON.createValue(new BigDecimal("1e5"));
                case 2 -> JSON.createValue(random.nextDouble() * 1e6);
                default -> JSON.createValue(Long.MAX_VALUE - random.nextInt(1000));
            };
            case 5 -> List.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL).get(random.nextInt(3));
            case 6 -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    object.add(NAMES.get(random.nextInt(NAMES.size())) + i, randomValue(random, depth + 1));
                }
                yield object.build();
            }
            default -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array.build();
            }
        };
    }

    private static String randomString(Random random) {
        List<String> parts = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            parts.add(STRINGS.get(random.nextInt(STRINGS.size())));
        }
        return String.join(" ", parts);
    }
}
