package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Primary account numbers of payment cards. PCI DSS v4.0 Req. 3.4.1 requires the PAN to be masked
 * wherever it is displayed and Req. 3.5.1 to be unreadable wherever it is stored; an audit trail
 * is both.
 *
 * <p>What counts as a card number, decided for logs full of ids and timestamps:
 * <ul>
 * <li>13 to 19 digits (ISO/IEC 7812-1) passing the Luhn check (ISO/IEC 7812-1 Annex B) and
 * starting with 2 to 6, the major industry identifiers of the card brands (2 and 5 Mastercard,
 * 3 Amex/Diners/JCB, 4 Visa, 6 Discover/UnionPay/Maestro). So epoch milliseconds such as
 * {@code 1731234567890}, and epoch micro- and nanoseconds, are never cards: they start with 1
 * until May 2033. (From then on an unseparated timestamp that happens to pass Luhn, one in ten,
 * would be masked; this rule will need a context check before that.)</li>
 * <li>Written unseparated, or grouped the way cards are printed, with one kind of separator
 * (single spaces or single dashes): 4-4-4-4 (16 digits), 4-6-5 (15, Amex) or 4-6-4 (14,
 * Diners). Other groupings are number lists, not cards.</li>
 * <li>Standing on its own: not touching a letter or digit on either side, and not continuing a
 * number through {@code . , -} (a decimal or a longer dashed id). So {@code order-4111111111111111}
 * is masked, being a card number after a prefix, but {@code order-4111111111111111x} and a hex id
 * or git SHA that happens to contain such a digit run are not: they are one alphanumeric token.</li>
 * </ul>
 */
final class PaymentCards implements Detector {

    private static final int MIN_DIGITS = 13;
    private static final Pattern CARD = Pattern.compile(
            "(?<![A-Za-z0-9])(?<![0-9][.,-])"
                    + "(?:[2-6][0-9]{12,18}"
                    + "|[2-6][0-9]{3}([ -])(?:[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}|[0-9]{6}\\1[0-9]{4,5}))"
                    + "(?![A-Za-z0-9])(?![.,-][0-9])");

    @Override
    public MaskCategory category() {
        return MaskCategory.PAYMENT_CARD;
    }

    @Override
    public void find(String text, Findings findings) {
        // A card is at least 13 characters of digits, spaces and dashes, so it covers one of
        // every 13 positions: only those are looked at, and the pattern runs only over a run of
        // such characters found there. Prose and JSON are thus skimmed rather than read.
        Matcher card = null;
        int i = MIN_DIGITS - 1;
        while (i < text.length()) {
            if (!isRunChar(text.charAt(i))) {
                i += MIN_DIGITS;
                continue;
            }
            int start = i;
            while (start > 0 && isRunChar(text.charAt(start - 1))) {
                start--;
            }
            int end = i + 1;
            while (end < text.length() && isRunChar(text.charAt(end))) {
                end++;
            }
            if (end - start >= MIN_DIGITS) {
                if (card == null) {
                    card = CARD.matcher(text).useTransparentBounds(true);
                }
                card.region(start, end);
                while (card.find()) {
                    if (passesLuhn(text, card.start(), card.end())) {
                        findings.add(card.start(), card.end());
                    }
                }
            }
            i = end + MIN_DIGITS;
        }
    }

    private static boolean isRunChar(char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '-';
    }

    private static boolean passesLuhn(String text, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
