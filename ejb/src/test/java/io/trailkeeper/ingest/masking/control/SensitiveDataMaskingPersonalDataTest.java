package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailkeeper.trail.entity.MaskCategory;
import io.trailkeeper.trail.entity.MaskingCounts;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An auditor's two questions about card numbers and personal data: is what should be masked
 * masked, and is the rest of the log (timestamps, ids, versions, amounts) still readable?
 */
class SensitiveDataMaskingPersonalDataTest {

    final SensitiveDataMasking masking = new SensitiveDataMasking();

    static Stream<Arguments> personalData() {
        return Stream.of(
                card("Visa test card, spaced", "card " + Fabricated.VISA_TEST_CARD_SPACED + " exp 12/28", "card # exp 12/28"),
                card("Mastercard test card, dashed", "pan=" + Fabricated.MASTERCARD_TEST_CARD_DASHED, "pan=#"),
                card("unseparated", "\"" + Fabricated.VISA_TEST_CARD + "\"", "\"#\""),
                card("Amex, unseparated", "amex " + Fabricated.AMEX_TEST_CARD + ".", "amex #."),
                card("Amex, grouped 4-6-5", "3782 822463 10005", "#"),
                card("Discover", "(" + Fabricated.DISCOVER_TEST_CARD + ")", "(#)"),
                card("after an id prefix", "order-" + Fabricated.VISA_TEST_CARD, "order-#"),
                card("after another number and a space", "qty 2 " + Fabricated.VISA_TEST_CARD, "qty 2 #"),
                ssn("formatted SSN", "SSN " + Fabricated.SSN + ", DOB", "SSN #, DOB"),
                ssn("SSN at the end", "ssn:" + Fabricated.SSN, "ssn:#"),
                email("plain", "mail jane.doe@example.com now", "mail # now"),
                email("mixed case with tag", "JANE.DOE+audit@Example.COM", "#"),
                email("in angle brackets, two-part TLD", "Ops <ops-team@mail.example.co.uk>", "Ops <#>"),
                email("mailto", "mailto:a_b%c@example.org?subject=x", "mailto:#?subject=x"),
                email("end of sentence", "Write to help@example.net.", "Write to #."),
                phone("E.164 spaced", "call +1 415 555 0132 today", "call # today"),
                phone("E.164 unbroken", "to=+14155550132", "to=#"),
                phone("E.164 UK", "+44 20 7946 0018", "#"),
                phone("E.164 with area code in parentheses", "+1 (415) 555-0199", "#"),
                phone("E.164 dotted", "+33.1.23.45.67.89", "#"),
                phone("NANP parenthesised", "(415) 555-0132", "#"),
                phone("NANP dashed", "tel: 415-555-0132.", "tel: #."),
                phone("NANP dotted", "415.555.0132", "#"),
                phone("NANP after trunk prefix", "1-415-555-0132", "1-#"));
    }

    private static Arguments card(String name, String text, String expected) {
        return Arguments.of(name, text, expected, MaskCategory.PAYMENT_CARD);
    }

    private static Arguments ssn(String name, String text, String expected) {
        return Arguments.of(name, text, expected, MaskCategory.US_SSN);
    }

    private static Arguments email(String name, String text, String expected) {
        return Arguments.of(name, text, expected, MaskCategory.EMAIL);
    }

    private static Arguments phone(String name, String text, String expected) {
        return Arguments.of(name, text, expected, MaskCategory.PHONE);
    }

    /** @param expected the masked text with {@code #} standing for the marker */
    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("personalData")
    void masksAndCountsOneValue(String name, String text, String expected, MaskCategory category) {
        MaskedText masked = masking.mask(text);

        assertEquals(expected.replace("#", "[MASKED:" + category.name() + "]"), masked.text());
        assertEquals(MaskingCounts.NONE.plus(category), masked.counts());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // card near misses
        "4111 1111 1111 1112", // fails Luhn
        "4111111111111112",
        "5555-5555-5555-4445",
        "ts=1731234567890", // epoch millis: first digit 1, and fails Luhn anyway
        "1731234567890123", // epoch micros
        "order-4111111111111111x", // one alphanumeric token
        "deadbeef4111111111111111",
        "0.4111111111111111", // a decimal
        "12345678901234567890", // 20 digits
        "4111 1111 1111", // 12 digits
        "4111 1111-1111 1111", // mixed separators: not how cards are printed
        "2 3 4 5 6 7 8 9 10 11 12 13 14", // a number list
        "41111-11111-11111-1", // not a card grouping
        "9111111111111111", // no card brand starts with 9
        // SSN near misses
        "000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "123-00-6789", "123-45-0000",
        "123456789", // unformatted: not masked by design
        "ORD-123-45-6789", "123-45-67890", "1123-45-6789",
        // timestamps, ids, versions, addresses, amounts
        "2026-11-21", "2026-11-21T10:15:30.123Z", "2026-11-21T10:15:30+01:00", "2026-11-21 10:15:30",
        "10:15:30", "1.2.3", "v10.20.300", "version 2.14.1-beta.3",
        "192.168.100.200", "10.0.0.1:8080", "2001:db8::8a2e:370:7334",
        "123e4567-e89b-12d3-a456-426614174000", // UUID
        "3b18e512dba79e4c8300dd08aeb37f8e728b8dad", // git SHA
        "tokens: 812", "latency_ms=1430", "$4,111.11", "EUR 1.234.567,89", "4111111.11",
        "order 4155550132", // ten digits unseparated: an id as often as a phone
        "ORD-415-555-0132", "555-0132", "123-456-7890", "415-555-01329", "415-555.0132",
        "+12500000 rows", "+1.2.3", "UTC+05:30", "+2026-11-21", "1+4155550132",
        // addresses that are not e-mail
        "user@localhost", "@here please review", "a@b", "foo@bar.1", "npm i left-pad@1.3.0",
        "@types/node@18.11.9", "user@[192.0.2.1]", "x@-.-"})
    void leavesEverydayLogValuesAlone(String text) {
        MaskedText masked = masking.mask(text);

        assertEquals(text, masked.text());
        assertEquals(MaskingCounts.NONE, masked.counts());
    }
}
