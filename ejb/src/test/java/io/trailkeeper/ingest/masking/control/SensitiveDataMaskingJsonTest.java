package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.trailkeeper.trail.entity.MaskingCounts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content is stored as JSON; masked content must still be the same JSON, minus the sensitive values. */
class SensitiveDataMaskingJsonTest {

    static final String CONTENT = """
            {"prompt": "Refund order 8812 for jane.doe@example.com",
             "tool_call": {"name": "payments.refund",
                           "arguments": {"card": "4111 1111 1111 1111", "amount": 12.50, "notify": ["+1 415 555 0132", "sms"],
                                         "api_key": "%s", "retries": 3, "dry_run": false, "memo": null}},
             "jane.doe@example.com": "keys are not masked",
             "created": 1731234567890,
             "pan_as_number": 4111111111111111,
             "output": "Done. Ticket 2026-11-21-0042 closed."}
            """.formatted(Fabricated.STRIPE_LIVE_SECRET);

    final SensitiveDataMasking masking = new SensitiveDataMasking();

    @Test
    void masksStringValuesAtEveryDepthAndOnlyThem() {
        MaskedText masked = masking.maskJson(CONTENT);

        JsonObject object = parse(masked.text());
        assertEquals("Refund order 8812 for [MASKED:EMAIL]", object.getString("prompt"));
        JsonObject arguments = object.getJsonObject("tool_call").getJsonObject("arguments");
        assertEquals("[MASKED:PAYMENT_CARD]", arguments.getString("card"));
        assertEquals(Json.createArrayBuilder().add("[MASKED:PHONE]").add("sms").build(), arguments.getJsonArray("notify"));
        assertEquals("[MASKED:SECRET]", arguments.getString("api_key"));
        assertEquals("payments.refund", object.getJsonObject("tool_call").getString("name"));
        assertEquals("Done. Ticket 2026-11-21-0042 closed.", object.getString("output"));
        assertEquals(new MaskingCounts(1, 1, 0, 1, 1), masked.counts());
    }

    @Test
    void keepsKeysNumbersLiteralsAndMemberOrder() {
        MaskedText masked = masking.maskJson(CONTENT);

        JsonObject original = parse(CONTENT);
        JsonObject object = parse(masked.text());
        assertEquals(keysInOrder(CONTENT), keysInOrder(masked.text()));
        assertEquals("keys are not masked", object.getString("jane.doe@example.com"));
        assertEquals(1731234567890L, object.getJsonNumber("created").longValueExact());
        // Documented: the contract masks string values only; a card number stored as a JSON number stays.
        assertEquals(original.get("pan_as_number"), object.get("pan_as_number"));
        JsonObject arguments = object.getJsonObject("tool_call").getJsonObject("arguments");
        assertEquals(new BigDecimal("12.50"), arguments.getJsonNumber("amount").bigDecimalValue());
        assertEquals(3, arguments.getInt("retries"));
        assertEquals(JsonValue.FALSE, arguments.get("dry_run"));
        assertEquals(JsonValue.NULL, arguments.get("memo"));
    }

    @Test
    void secretsAreRecognisedByTheirMemberName() {
        String json = "{\"password\":\"hunter22!\",\"db\":{\"DB_PASSWORD\":\"x y z w v\"},\"clientSecret\":\"s3cr3t-v4lue\","
                + "\"token\":812,\"api_key\":\"short\",\"max_tokens\":\"4096000\",\"password_hint\":\"first pet's name\","
                + "\"passwords\":[\"not-by-name\"],\"token\":\"[MASKED:SECRET]\"}";

        MaskedText masked = masking.maskJson(json);

        assertEquals("{\"password\":\"[MASKED:SECRET]\",\"db\":{\"DB_PASSWORD\":\"[MASKED:SECRET]\"},"
                + "\"clientSecret\":\"[MASKED:SECRET]\",\"token\":812,\"api_key\":\"short\",\"max_tokens\":\"4096000\","
                + "\"password_hint\":\"first pet's name\",\"passwords\":[\"not-by-name\"],\"token\":\"[MASKED:SECRET]\"}",
                masked.text());
        assertEquals(new MaskingCounts(3, 0, 0, 0, 0), masked.counts());
    }

    @Test
    void stringsAreMaskedAsDecodedText() {
        // \n before the key and \u0040 for "@" only exist once the JSON string is decoded.
        String json = "{\"log\":\"line1\\nsk-proj-" + "A".repeat(40) + "\",\"to\":\"jane\\u0040example.com\","
                + "\"quoted\":\"say \\\"password=hunter22\\\" twice\"}";

        MaskedText masked = masking.maskJson(json);

        JsonObject object = parse(masked.text());
        assertEquals("line1\n[MASKED:SECRET]", object.getString("log"));
        assertEquals("[MASKED:EMAIL]", object.getString("to"));
        assertEquals("say \"password=[MASKED:SECRET]\" twice", object.getString("quoted"));
        assertEquals(new MaskingCounts(2, 0, 0, 1, 0), masked.counts());
    }

    @Test
    void outputIsValidJsonAndMaskingItAgainChangesNothing() {
        MaskedText once = masking.maskJson(CONTENT);
        MaskedText twice = masking.maskJson(once.text());

        parse(once.text());
        assertEquals(once.text(), twice.text());
        assertEquals(MaskingCounts.NONE, twice.counts());
    }

    @Test
    void textWithNothingToMaskIsReturnedAsItCame() {
        String json = "{ \"action\" : \"refund.issue\", \"tokens\": {\"input\": 812}, \"ts\": 1e3 }";

        MaskedText masked = masking.maskJson(json);

        assertSame(json, masked.text());
        assertSame(MaskingCounts.NONE, masked.counts());
    }

    @Test
    void arraysAndScalarsAtTheTopAreMaskedStructurallyToo() {
        assertEquals("[\"[MASKED:EMAIL]\",1,{\"a\":[\"[MASKED:US_SSN]\"]}]",
                masking.maskJson("[\"jane@example.com\", 1, {\"a\": [\"123-45-6789\"]}]").text());
        assertEquals("\"[MASKED:EMAIL]\"", masking.maskJson("\"jane@example.com\"").text());
    }

    @Test
    void invalidJsonIsMaskedAsPlainText() {
        String[] broken = {
            "{\"prompt\": \"mail jane@example.com\"", // cut off
            "{prompt: 'mail jane@example.com'}", // not JSON
            "{\"prompt\": \"x\"} jane@example.com", // trailing text
            "jane@example.com"};
        for (String text : broken) {
            MaskedText masked = masking.maskJson(text);

            assertEquals(text.replace("jane@example.com", "[MASKED:EMAIL]"), masked.text());
            assertEquals(1, masked.counts().emails());
        }
        assertEquals("{\"password\": \"[MASKED:SECRET]\", ", masking.maskJson("{\"password\": \"hunter22\", ").text());
    }

    @Test
    void nullAndEmpty() {
        assertNull(masking.maskJson(null).text());
        assertSame(MaskingCounts.NONE, masking.maskJson(null).counts());
        assertEquals(new MaskedText("", MaskingCounts.NONE), masking.maskJson(""));
        assertEquals(new MaskedText("{}", MaskingCounts.NONE), masking.maskJson("{}"));
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Every key at every depth, in document order. */
    static List<String> keysInOrder(String json) {
        List<String> keys = new ArrayList<>();
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                if (parser.next() == JsonParser.Event.KEY_NAME) {
                    keys.add(parser.getString());
                }
            }
        }
        return keys;
    }
}
