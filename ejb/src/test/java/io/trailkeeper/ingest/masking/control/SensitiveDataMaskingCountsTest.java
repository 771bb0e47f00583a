package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trailkeeper.trail.entity.MaskCategory;
import io.trailkeeper.trail.entity.MaskingCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The counts are the evidence; they must be exact, and masking twice must change nothing. */
class SensitiveDataMaskingCountsTest {

    static final String MIXED = "Customer jane.doe@example.com (SSN " + Fabricated.SSN + ") paid with "
            + Fabricated.VISA_TEST_CARD_SPACED + "; later " + Fabricated.MASTERCARD_TEST_CARD_DASHED
            + ". Reply to jane.doe@example.com or ops@example.org, call +1 415 555 0132. Agent used "
            + Fabricated.OPENAI_PROJECT_KEY + " and password=hunter22! with Authorization: Bearer " + Fabricated.JWT
            + ". Again: " + Fabricated.VISA_TEST_CARD + ", 415-555-0199.";

    final SensitiveDataMasking masking = new SensitiveDataMasking();

    @Test
    void countsEveryOccurrenceOfEveryKindIncludingRepeats() {
        MaskedText masked = masking.mask(MIXED);

        assertEquals(new MaskingCounts(3, 3, 1, 3, 2), masked.counts());
        assertEquals(12, masked.counts().total());
        assertEquals("Customer [MASKED:EMAIL] (SSN [MASKED:US_SSN]) paid with [MASKED:PAYMENT_CARD]; later "
                + "[MASKED:PAYMENT_CARD]. Reply to [MASKED:EMAIL] or [MASKED:EMAIL], call [MASKED:PHONE]. Agent used "
                + "[MASKED:SECRET] and password=[MASKED:SECRET] with Authorization: Bearer [MASKED:SECRET]. Again: "
                + "[MASKED:PAYMENT_CARD], [MASKED:PHONE].", masked.text());
    }

    @Test
    void maskingIsIdempotent() {
        List<String> texts = List.of(MIXED, Fabricated.RSA_PRIVATE_KEY, "-----BEGIN PRIVATE KEY-----\nMIIE cut",
                "postgres://app:Example-Pass-1@db.example.com/x", "token=[MASKED:SECRET]x" + "y".repeat(10),
                "a@b.example.com@c.example.com", "+1 415 555 0132 4111111111111111 jane@example.com",
                "password=jane@example.com", "Bearer " + Fabricated.OPENAI_PROJECT_KEY);
        for (String text : texts) {
            MaskedText once = masking.mask(text);
            MaskedText twice = masking.mask(once.text());

            assertEquals(once.text(), twice.text(), text);
            assertEquals(MaskingCounts.NONE, twice.counts(), text);
        }
    }

    @Test
    void maskingIsIdempotentOnRandomMixtures() {
        String[] pieces = {Fabricated.SSN, Fabricated.VISA_TEST_CARD, Fabricated.VISA_TEST_CARD_SPACED,
            Fabricated.JWT, Fabricated.GITHUB_CLASSIC_TOKEN, "jane@example.com", "+44 20 7946 0018", "(415) 555-0132",
            "password=", "token: ", "\"api_key\": \"", "Bearer ", "://u:", "@", "-", ".", " ", "\n", "1", "4", "x", "[MASKED:",
            "[MASKED:EMAIL]", "]", "2026-11-21T10:15:30Z", "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"};
        Random random = new Random(20261121);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            MaskedText once = masking.mask(text.toString());
            MaskedText twice = masking.mask(once.text());

            assertEquals(once.text(), twice.text(), text::toString);
            assertEquals(MaskingCounts.NONE, twice.counts(), text::toString);
        }
    }

    @Test
    void markersAlreadyInTheTextAreNeitherMaskedNorCounted() {
        String text = "contact [MASKED:EMAIL] with password=[MASKED:SECRET], \"token\": \"[MASKED:SECRET]\", "
                + "Authorization: Bearer [MASKED:SECRET], card [MASKED:PAYMENT_CARD], [MASKED:PHONE], [MASKED:US_SSN]";

        MaskedText masked = masking.mask(text);

        assertEquals(text, masked.text());
        assertEquals(MaskingCounts.NONE, masked.counts());
    }

    @Test
    void aValueFoundByTwoDetectorsIsMaskedAndCountedOnce() {
        // A labelled vendor key, a bearer JWT, a password that is an e-mail address.
        assertEquals(new MaskedText("api_key=[MASKED:SECRET]", new MaskingCounts(1, 0, 0, 0, 0)),
                masking.mask("api_key=" + Fabricated.OPENAI_PROJECT_KEY));
        assertEquals(new MaskedText("Bearer [MASKED:SECRET]", new MaskingCounts(1, 0, 0, 0, 0)),
                masking.mask("Bearer " + Fabricated.JWT));
        assertEquals(new MaskedText("password=[MASKED:SECRET]", new MaskingCounts(1, 0, 0, 0, 0)),
                masking.mask("password=jane@example.com"));
        assertEquals(new MaskedText("[MASKED:PHONE]", new MaskingCounts(0, 0, 0, 0, 1)),
                masking.mask("+1 415-555-0132"));
    }

    @Test
    void markerLookAlikesThatAreNotMarkersAreOrdinaryText() {
        MaskedText masked = masking.mask("[MASKED:NOTHING]jane@example.com");

        assertEquals("[MASKED:NOTHING][MASKED:EMAIL]", masked.text());
        assertEquals(1, masked.counts().emails());
    }

    @Test
    void nullAndEmptyAndCleanTexts() {
        assertNull(masking.mask(null).text());
        assertSame(MaskingCounts.NONE, masking.mask(null).counts());
        assertEquals(new MaskedText("", MaskingCounts.NONE), masking.mask(""));
        String clean = "Refund of EUR 12.50 for order 8812 issued at 2026-11-21T10:15:30Z by support-bot v1.4.2";
        assertSame(clean, masking.mask(clean).text());
        assertSame(MaskingCounts.NONE, masking.mask(clean).counts());
    }

    @Test
    void countsAddUp() {
        MaskingCounts counts = MaskingCounts.NONE.plus(MaskCategory.SECRET).plus(MaskCategory.SECRET)
                .plus(MaskCategory.PAYMENT_CARD).plus(MaskCategory.US_SSN).plus(MaskCategory.EMAIL).plus(MaskCategory.PHONE);

        assertEquals(new MaskingCounts(2, 1, 1, 1, 1), counts);
        assertEquals(6, counts.total());
        assertEquals(new MaskingCounts(4, 2, 2, 2, 2), counts.plus(counts));
        for (MaskCategory category : MaskCategory.values()) {
            assertEquals(category == MaskCategory.SECRET ? 2 : 1, counts.of(category));
            assertEquals(1, MaskingCounts.NONE.plus(category).of(category));
            assertEquals(1, MaskingCounts.NONE.plus(category).total());
        }
        assertEquals(0, MaskingCounts.NONE.total());
        assertThrows(IllegalArgumentException.class, () -> new MaskingCounts(0, -1, 0, 0, 0));
    }

    @Test
    void countsSurviveSerialization() throws IOException, ClassNotFoundException {
        MaskingCounts counts = new MaskingCounts(1, 2, 3, 4, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(counts);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(counts, in.readObject());
        }
    }
}
