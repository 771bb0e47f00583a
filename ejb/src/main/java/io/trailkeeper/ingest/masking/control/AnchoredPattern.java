package io.trailkeeper.ingest.masking.control;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that can only start where a fixed literal occurs. The text is searched for the
 * literal with {@link String#indexOf(String, int)}, which the JVM vectorises, and the pattern is
 * tried only there: far cheaper than letting the regex engine try every position of a text that
 * is almost always harmless. Patterns start with a look-behind that rejects a start inside a
 * longer run of their own characters, so retrying at each later anchor stays linear.
 *
 * @param group the part of the match to mask; 0 for all of it
 * @param accepted a last check on that part, for what a pattern cannot express
 */
record AnchoredPattern(String anchor, Pattern pattern, int group, Predicate<String> accepted) {

    AnchoredPattern(String anchor, Pattern pattern) {
        this(anchor, pattern, 0);
    }

    AnchoredPattern(String anchor, Pattern pattern, int group) {
        this(anchor, pattern, group, value -> true);
    }

    /** The look-behind most patterns start with: no letter or digit right before the match. */
    static final String WORD_START = "(?<![A-Za-z0-9])";

    void find(String text, Findings findings) {
        int at = text.indexOf(anchor);
        Matcher matcher = null;
        boolean startsAWord = pattern.pattern().startsWith(WORD_START);
        while (at >= 0) {
            if (startsAWord && at > 0 && isLetterOrDigit(text.charAt(at - 1))) {
                // "task-" for "sk-": the look-behind would refuse it; no matcher needed to know that
                at = text.indexOf(anchor, at + 1);
                continue;
            }
            if (matcher == null) {
                matcher = pattern.matcher(text).useTransparentBounds(true);
            }
            matcher.region(at, text.length());
            if (matcher.lookingAt() && accepted.test(matcher.group(group))) {
                findings.add(matcher.start(group), matcher.end(group));
                at = text.indexOf(anchor, Math.max(matcher.end(), at + 1));
            } else {
                at = text.indexOf(anchor, at + 1);
            }
        }
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
