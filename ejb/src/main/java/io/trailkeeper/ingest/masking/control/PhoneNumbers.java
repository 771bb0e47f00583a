package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers, personal data under GDPR Art. 4(1) when they reach a person.
 *
 * <p>Deliberately conservative: logs are full of numbers, and masking dates, versions, addresses
 * or ids would destroy the evidence the trail exists for, so a missed phone number is the lesser
 * harm. Only two shapes are recognised:
 * <ul>
 * <li>International numbers in ITU-T E.164 form: {@code +}, a country code not starting with 0,
 * and 8 to 15 digits in all, either unbroken (then at least 10 digits, so that deltas such as
 * {@code +12500000} stay readable) or in groups separated by single spaces, dashes or dots, the
 * first group being the one- to three-digit country code, with an optional parenthesised area
 * code: {@code +44 20 7946 0018}, {@code +1 (415) 555-0132}.</li>
 * <li>North American numbers in the NANP's NXX-NXX-XXXX plan (area code and exchange start with
 * 2-9): {@code (415) 555-0132}, {@code 415-555-0132}, {@code 415.555.0132}, optionally after
 * {@code 1-}. Ten digits without separators, and seven-digit local numbers, are not masked: as
 * written in logs they are ids and counts far more often than phone numbers.</li>
 * </ul>
 * A match must not touch a letter or digit, nor continue a number through a dot or dash, which
 * keeps out dates, times, versions, IPv4 addresses, ISO timestamps and dashed order ids.
 */
final class PhoneNumbers implements Detector {

    private static final int MIN_E164_DIGITS = 8;
    private static final int MAX_E164_DIGITS = 15;
    private static final String NO_CONTINUATION = "(?![A-Za-z0-9]|[.-][0-9])";
    // ITU-T E.164 §6: at most 15 digits; country codes have 1 to 3 digits and never start with 0.
    // Written in groups, the first group is the country code, which also keeps "+2026-11-21" out.
    private static final AnchoredPattern INTERNATIONAL = new AnchoredPattern("+", Pattern.compile(
            "(?<![A-Za-z0-9+])\\+[1-9](?:[0-9]{9,14}"
                    + "|[0-9]{0,2}(?:[ .-]?\\([0-9]{1,4}\\)[ .-]?[0-9]{1,6})?(?:[ .-][0-9]{1,6}){0,6})"
                    + NO_CONTINUATION), 0, PhoneNumbers::hasE164Length);
    // NANPA, North American Numbering Plan: NPA (area code) and central office code are NXX, N = 2-9.
    private static final AnchoredPattern NANP_PARENTHESISED = new AnchoredPattern("(", Pattern.compile(
            "(?<![A-Za-z0-9])\\([2-9][0-9]{2}\\) ?[2-9][0-9]{2}-[0-9]{4}" + NO_CONTINUATION));
    private static final Pattern NANP_SEPARATED = Pattern.compile(
            "(?:(?<![A-Za-z0-9.+-])|(?<=(?<![A-Za-z0-9.+-])1[.-]))"
                    + "[2-9][0-9]{2}([.-])[2-9][0-9]{2}\\1[0-9]{4}" + NO_CONTINUATION);

    @Override
    public MaskCategory category() {
        return MaskCategory.PHONE;
    }

    @Override
    public void find(String text, Findings findings) {
        INTERNATIONAL.find(text, findings);
        NANP_PARENTHESISED.find(text, findings);
        findSeparated(text, findings);
    }

    /** Anchored on the first separator, which must recur four characters later: 415-555-0132. */
    private static void findSeparated(String text, Findings findings) {
        findSeparated(text, '-', findings);
        findSeparated(text, '.', findings);
    }

    private static void findSeparated(String text, char separator, Findings findings) {
        Matcher nanp = null;
        for (int i = text.indexOf(separator, 3); i >= 0 && i + 9 <= text.length(); i = text.indexOf(separator, i + 1)) {
            if (text.charAt(i + 4) != separator) {
                continue;
            }
            if (nanp == null) {
                nanp = NANP_SEPARATED.matcher(text).useTransparentBounds(true);
            }
            nanp.region(i - 3, text.length());
            if (nanp.lookingAt()) {
                findings.add(nanp.start(), nanp.end());
            }
        }
    }

    private static boolean hasE164Length(String number) {
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits >= MIN_E164_DIGITS && digits <= MAX_E164_DIGITS;
    }
}
