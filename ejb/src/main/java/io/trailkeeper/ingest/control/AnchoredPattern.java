package io.trailkeeper.ingest.control;

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

    void find(String text, Findings findings) {
        int at = text.indexOf(anchor);
        Matcher matcher = null;
        while (at >= 0) {
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
}
