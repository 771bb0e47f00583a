package io.trailkeeper.ingest.format.json.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The common form is read without the general formatter; both ways must agree on every text. */
class TimestampFieldTest {

    private static final List<String> SAMPLES = List.of(
            "2026-02-18T05:34:00Z", "2026-02-18T05:34:00.1Z", "2026-02-18T05:34:00.123Z", "2026-02-18T05:34:00.123456789Z",
            "2026-02-18T05:34:00.1234567891Z", "2026-02-18T05:34:00.Z", "2026-02-18T05:34:00+01:00", "2026-02-18T05:34:00.5-05:30",
            "2026-02-18T05:34:00+18:00", "2026-02-18T05:34:00+18:30", "2026-02-18T05:34:00-19:00", "2026-02-18T05:34:00+01:60",
            "2026-02-18T05:34:00+0100", "2026-02-18T05:34:00+01", "2026-02-18T05:34Z", "2026-02-18t05:34:00Z", "2026-02-18 05:34:00Z",
            "2026-02-18T05:34:00z", " 2026-02-18T05:34:00Z ", "2026-02-30T05:34:00Z", "2026-13-01T05:34:00Z", "2026-02-18T24:00:00Z",
            "2026-02-18T23:59:60Z", "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2026-02-18T05:34:00Z[Europe/Paris]",
            "2026-02-18T05:34:00+01:00[Europe/Paris]", "2026-02-18T05:34:00", "2026-02-18T05:34:00.123", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "+12026-02-18T05:34:00Z", "2026-02-18T05:34:00ZZ", "2026-02-18T05:34:00+01:00:30",
            "2026-02-18T05:34:00\u0661Z", "2026-0a-18T05:34:00Z", "yesterday at noon", "");

    @Test
    void theCommonFormIsReadDirectly() {
        assertEquals(Instant.parse("2026-02-18T05:34:00.123Z"), TimestampField.commonForm("2026-02-18T05:34:00.123Z"));
        assertEquals(Instant.parse("2026-02-18T04:34:00Z"), TimestampField.commonForm("2026-02-18T05:34:00+01:00"));
        assertEquals(Instant.parse("2026-02-18T11:04:00.5Z"), TimestampField.commonForm("2026-02-18T05:34:00.5-05:30"));
        assertNotNull(TimestampField.commonForm("2026-02-18T05:34:00.123456789Z"));
        assertNull(TimestampField.commonForm("2026-02-30T05:34:00Z"), "an impossible date goes the general way, which refuses it");
        assertNull(TimestampField.commonForm("2026-02-18T05:34:00+0100"), "other spellings go the general way");
    }

    @Test
    void bothWaysAgreeOnEverySampleAndOnMutationsOfThem() {
        List<String> texts = new ArrayList<>(SAMPLES);
        Random random = new Random(20261122);
        String alphabet = "0123456789-:.TZz+ t[]";
        for (String sample : SAMPLES) {
            for (int i = 0; i < 300 && !sample.isEmpty(); i++) {
                StringBuilder mutated = new StringBuilder(sample);
                int position = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(position, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> mutated.deleteCharAt(position);
                    default -> mutated.insert(position, alphabet.charAt(random.nextInt(alphabet.length())));
                }
                texts.add(mutated.toString());
            }
        }
        for (String text : texts) {
            assertEquals(outcome(() -> TimestampField.parseAnyIso(text)), outcome(() -> TimestampField.parseIso(text)), text);
        }
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return "accepted " + parse.get();
        } catch (InvalidRecordException e) {
            return "refused: " + e.getMessage();
        }
    }
}
