package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, personal data under GDPR Art. 4(1) because they identify a person directly.
 *
 * <p>The practical shape of RFC 5321 §4.1.2 rather than its full grammar: a local part of
 * letters, digits and {@code . _ % + -}, at most 64 characters (§4.5.3.1.1), and a domain of at
 * least two dot-separated labels ending in a top-level domain of two or more letters. Quoted local
 * parts and address literals ({@code user@[192.0.2.1]}) are not recognised. Letters of either case
 * match, as both parts are case-insensitive in practice.
 *
 * <p>Each {@code @} is an anchor: the local part is read backwards from it and the domain
 * forwards, so a text of many {@code @} or of long letter runs stays linear.
 */
final class EmailAddresses implements Detector {

    private static final int MAX_LOCAL_PART = 64;
    /** RFC 1035 §2.3.4: 255 octets including length bytes, so 253 characters written out. */
    private static final int MAX_DOMAIN = 253;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9-]{1,63}\\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])");

    @Override
    public MaskCategory category() {
        return MaskCategory.EMAIL;
    }

    @Override
    public void find(String text, Findings findings) {
        int previousEnd = 0;
        Matcher domain = null;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int localStart = localPartStart(text, previousEnd, at);
            if (localStart < 0) {
                continue;
            }
            int domainEnd = domainRunEnd(text, at + 1);
            if (domainEnd < 0) {
                continue;
            }
            if (domain == null) {
                domain = DOMAIN.matcher(text).useTransparentBounds(true);
            }
            domain.region(at + 1, domainEnd);
            if (domain.lookingAt()) {
                findings.add(localStart, domain.end());
                previousEnd = domain.end();
            }
        }
    }

    /** @return where the local part before {@code at} starts, or -1 when there is none */
    private static int localPartStart(String text, int from, int at) {
        int start = at;
        while (start > from && isLocalPartChar(text.charAt(start - 1))) {
            if (at - start == MAX_LOCAL_PART) {
                return -1;
            }
            start--;
        }
        while (start < at && text.charAt(start) == '.') {
            start++; // a local part does not start with a dot; "see.…" is punctuation, not address
        }
        return start < at ? start : -1;
    }

    /** @return the end of the run of domain characters after the {@code @}, or -1 when it is too long to be a domain */
    private static int domainRunEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDomainChar(text.charAt(end))) {
            if (end - from == MAX_DOMAIN) {
                return -1;
            }
            end++;
        }
        return end;
    }

    private static boolean isLocalPartChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }
}
