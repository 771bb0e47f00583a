package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security numbers written {@code ddd-dd-dddd}, the way they are printed and typed.
 *
 * <p>Numbers the SSA never issues are not masked: area 000, 666 and 900-999, group 00 and serial
 * 0000 (SSA, "Social Security Number Randomization", 2011; the same ranges were excluded before).
 * Nine digits without dashes are not masked either: logs are full of nine-digit ids, amounts and
 * counters, and masking them all would make the evidence unreadable while an unformatted SSN
 * without context is rare.
 */
final class SocialSecurityNumbers implements Detector {

    private static final Pattern SSN = Pattern.compile(
            "(?<![A-Za-z0-9-])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![A-Za-z0-9]|-[0-9])");

    @Override
    public MaskCategory category() {
        return MaskCategory.US_SSN;
    }

    @Override
    public void find(String text, Findings findings) {
        Matcher ssn = null;
        // Anchored on the first dash: cheap to find, and its neighbours decide at once.
        for (int dash = text.indexOf('-', 3); dash >= 0 && dash + 8 <= text.length(); dash = text.indexOf('-', dash + 1)) {
            if (text.charAt(dash + 3) != '-' || (dash >= 4 && isDigit(text.charAt(dash - 4))) || !isDigit(text.charAt(dash - 1))
                    || !isDigit(text.charAt(dash + 1)) || !isDigit(text.charAt(dash + 4))) {
                continue; // cheap rejection of dates (2026-11-21) and ids before the pattern runs
            }
            if (ssn == null) {
                ssn = SSN.matcher(text).useTransparentBounds(true);
            }
            ssn.region(dash - 3, text.length());
            if (ssn.lookingAt() && wasIssuable(ssn)) {
                findings.add(ssn.start(), ssn.end());
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean wasIssuable(Matcher ssn) {
        int area = Integer.parseInt(ssn.group(1));
        int group = Integer.parseInt(ssn.group(2));
        int serial = Integer.parseInt(ssn.group(3));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }
}
