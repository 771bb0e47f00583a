package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.trail.entity.MaskCategory;
import io.trailkeeper.trail.entity.MaskingCounts;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Masking runs on every ingested event, and what an agent logs can be chosen by whoever talks to
 * it. So no input may make it throw or take super-linear time, and whatever it gets, it must still
 * mask what it finds and say so truthfully in the counts.
 */
class SensitiveDataMaskingRobustnessTest {

    /**
     * A hang guard, not a speed goal: catastrophic backtracking on a megabyte takes minutes or
     * forever, while a loaded build machine may well take several seconds for what runs in a tenth
     * here. Speed is measured by {@code MaskingThroughput}.
     */
    static final Duration GUARD = Duration.ofSeconds(60);
    static final int MEGABYTE = 1 << 20;
    // Json.createParser would look the provider up on every call, which dominates a fuzz loop.
    static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    final SensitiveDataMasking masking = new SensitiveDataMasking();

    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                hostile("1 MB of random printable ASCII", () -> random(MEGABYTE, " !\"#$%&'()*+,-./0123456789:;<=>?@"
                        + "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n\t")),
                hostile("1 MB of random characters of any kind", SensitiveDataMaskingRobustnessTest::randomUtf16),
                hostile("1 MB of digits, dashes, dots and spaces", () -> random(MEGABYTE, "0123456789-. ()+")),
                hostile("100k digits", () -> "4".repeat(100_000)),
                hostile("100k digits that pass Luhn in places", () -> "4111111111111111".repeat(6_250)),
                hostile("card groups without end", () -> "4111 ".repeat(200_000)),
                hostile("1 MB of @", () -> "@".repeat(MEGABYTE)),
                hostile("many short addresses' halves", () -> "a@".repeat(MEGABYTE / 2)),
                hostile("long local part, then @", () -> "a".repeat(MEGABYTE) + "@example.com"),
                hostile("long domain", () -> "a@" + "b.".repeat(MEGABYTE / 2) + "com"),
                hostile("unbalanced PEM header", () -> "-----BEGIN RSA PRIVATE KEY-----\n" + "MIIE".repeat(250_000)),
                hostile("many PEM headers", () -> "-----BEGIN PRIVATE KEY-----".repeat(40_000)),
                hostile("many BEGIN without a label", () -> "-----BEGIN ".repeat(100_000)),
                hostile("many END lines", () -> "-----BEGIN PRIVATE KEY-----" + "-----END PUBLIC KEY-----".repeat(40_000)),
                hostile("many JWT starts", () -> "eyJ".repeat(300_000)),
                hostile("JWT parts without end", () -> "eyJa.".repeat(200_000)),
                hostile("many key prefixes", () -> "sk-ghp_AKIAxoxb-github_pat_sk_live_".repeat(30_000)),
                hostile("labels without values", () -> "password=".repeat(100_000)),
                hostile("labels with unclosed quotes", () -> "token: \"ab ".repeat(100_000)),
                hostile("colons", () -> ":".repeat(MEGABYTE)),
                hostile("long name before a colon", () -> "a".repeat(MEGABYTE) + ": value123"),
                hostile("bearer scheme repeated", () -> "Bearer ".repeat(150_000)),
                hostile("lower-case bearer token", () -> "Bearer " + "a".repeat(MEGABYTE)),
                hostile("long basic credentials", () -> "Basic " + "QUJD".repeat(250_000)),
                hostile("URL separators", () -> "://a:b".repeat(150_000)),
                hostile("plus signs and digits", () -> "+1 2".repeat(250_000)),
                hostile("dashed digits", () -> "123-45-".repeat(150_000)),
                hostile("parentheses", () -> "(415) ".repeat(150_000)),
                hostile("marker openings", () -> "[MASKED:".repeat(100_000)),
                hostile("markers", () -> "[MASKED:EMAIL]".repeat(70_000)),
                hostile("everything at once", () -> (Fabricated.JWT + " jane@example.com " + Fabricated.VISA_TEST_CARD
                        + " password=hunter22 " + Fabricated.SSN + " +44 20 7946 0018 ").repeat(5_000)));
    }

    private static Arguments hostile(String name, Supplier<String> text) {
        return Arguments.of(name, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void hostileTextsAreMaskedTruthfullyWithoutHangingOrThrowing(String name, Supplier<String> text) {
        String input = text.get();

        MaskedText masked = assertTimeoutPreemptively(GUARD, () -> masking.mask(input));
        assertCountsMatchMarkers(input, masked);
        assertMaskingAgainChangesNothing(masked);
        MaskedText asJson = assertTimeoutPreemptively(GUARD, () -> masking.maskJson(input));
        // Not JSON, so masked as the plain text it is.
        assertEquals(masked, asJson);
        String json = jsonString(input);
        MaskedText inJson = assertTimeoutPreemptively(GUARD, () -> masking.maskJson(json));
        assertCountsMatchMarkers(json, inJson);
        assertEquals(masked.counts(), inJson.counts(), "the same text finds the same values inside a JSON string");
    }

    @Test
    void everyPlantedValueInAMegabyteIsMaskedAndCounted() {
        String oneOfEach = Fabricated.JWT + " jane@example.com " + Fabricated.VISA_TEST_CARD + " password=hunter22 "
                + Fabricated.SSN + " +44 20 7946 0018 ";
        String input = oneOfEach.repeat(5_000);

        for (MaskedText masked : List.of(
                assertTimeoutPreemptively(GUARD, () -> masking.mask(input)),
                assertTimeoutPreemptively(GUARD, () -> masking.maskJson(jsonString(input))))) {
            for (String planted : List.of(Fabricated.JWT, "jane@example.com", Fabricated.VISA_TEST_CARD, "hunter22",
                    Fabricated.SSN, "7946 0018")) {
                assertFalse(masked.text().contains(planted), planted + " is still there");
            }
            // The JWT and the password are both secrets.
            assertEquals(new MaskingCounts(10_000, 5_000, 5_000, 5_000, 5_000), masked.counts());
            assertCountsMatchMarkers(input, masked);
        }
    }

    /** Every value counted left its marker in the text, and no marker stands for a value not counted. */
    static void assertCountsMatchMarkers(String input, MaskedText masked) {
        for (MaskCategory category : MaskCategory.values()) {
            String marker = Markers.of(category);
            assertEquals(occurrences(input, marker) + masked.counts().of(category), occurrences(masked.text(), marker),
                    category + " markers");
        }
        if (masked.counts().equals(MaskingCounts.NONE)) {
            assertEquals(input, masked.text(), "nothing found, nothing changed");
        }
    }

    /** Markers are opaque: what was masked once is neither masked nor counted again. */
    void assertMaskingAgainChangesNothing(MaskedText masked) {
        assertEquals(new MaskedText(masked.text(), MaskingCounts.NONE), masking.mask(masked.text()));
    }

    static int occurrences(String text, String marker) {
        int count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            count++;
        }
        return count;
    }

    @Test
    void deeplyNestedOrEnormousJsonFallsBackOrSucceedsWithoutThrowing() {
        List<String> texts = List.of(
                "[".repeat(100_000) + "\"jane@example.com\"" + "]".repeat(100_000),
                "{\"a\":".repeat(100_000) + "\"jane@example.com\"" + "}".repeat(100_000),
                "{\"n\":" + "9".repeat(100_000) + ",\"e\":\"jane@example.com\"}",
                "{\"n\":1e999999999,\"e\":\"jane@example.com\"}",
                "{\"s\":\"" + "\\u0040".repeat(100_000) + "\"}",
                "{\"s\":\"\\ud800 jane@example.com\"}");
        for (String text : texts) {
            MaskedText masked = assertTimeoutPreemptively(GUARD, () -> masking.maskJson(text));

            assertEquals(text.contains("jane@example.com") ? 1 : 0, masked.counts().emails());
            assertFalse(masked.text().contains("jane@example.com"), "jane@example.com is still there");
            assertCountsMatchMarkers(text, masked);
        }
    }

    @Test
    void corruptedJsonNeverThrowsAndValidJsonStaysValid() {
        String original = SensitiveDataMaskingJsonTest.CONTENT;
        Random random = new Random(20261121);
        String alphabet = "{}[]\",:\\ u0@.-+1";
        for (int round = 0; round < 10_000; round++) {
            StringBuilder text = new StringBuilder(original);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String input = text.toString();
            MaskedText masked = masking.maskJson(input);

            if (isJson(input)) {
                assertTrue(isJson(masked.text()), input);
            } else {
                // Broken JSON is masked as plain text, so nothing escapes masking.
                assertEquals(masking.mask(input), masked);
            }
            assertCountsMatchMarkers(input, masked);
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> inputs = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            inputs.add(SensitiveDataMaskingCountsTest.MIXED.substring(random.nextInt(40)) + " #" + i);
        }
        List<MaskedText> expected = inputs.stream().map(masking::mask).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<MaskedText>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> inputs.stream().map(masking::mask).toList()));
            }
            for (Future<List<MaskedText>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(expected.stream().allMatch(m -> m.counts().total() > 0 && !m.counts().equals(MaskingCounts.NONE)));
    }

    private static String random(int length, String alphabet) {
        Random random = new Random(length ^ alphabet.hashCode());
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** Any UTF-16 code units, lone surrogates included. */
    private static String randomUtf16() {
        Random random = new Random(42);
        char[] chars = new char[MEGABYTE];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 16).append("{\"s\":\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append("\"}").toString();
    }

    private static boolean isJson(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
