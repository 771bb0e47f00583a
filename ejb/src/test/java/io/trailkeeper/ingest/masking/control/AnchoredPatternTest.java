package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AnchoredPatternTest {

    private static final AnchoredPattern SK_DASH = new AnchoredPattern("sk-",
            Pattern.compile(AnchoredPattern.WORD_START + "sk-[A-Za-z0-9_-]{20,}"));

    @Test
    void anAnchorInsideAWordIsNoMatchAndOneAtAWordStartIs() {
        assertEquals("task-1234567890abcdefghijklmnop", masked("task-1234567890abcdefghijklmnop"));
        assertEquals("key [M] here", masked("key sk-1234567890abcdefghijklmnop here"));
        assertEquals("[M]", masked("sk-1234567890abcdefghijklmnop"));
        assertEquals("(:[M])", masked("(:sk-1234567890abcdefghijklmnop)"));
    }

    @Test
    void skippingAnchorsInsideWordsFindsWhatTheLookBehindAlone() {
        // Texts made of anchors, word characters and separators in every order: the look-behind
        // tried by a matcher at every anchor is the reference.
        String[] pieces = {"sk-", "ta", "1", "_", "-", " ", "x", "sk-", "abcdefghij", "0123456789", "é", "\"", ":"};
        Random random = new Random(20261122);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(reference(text.toString()), masked(text.toString()), text.toString());
        }
    }

    private static String masked(String text) {
        Findings findings = new Findings();
        findings.startStretch(0);
        SK_DASH.find(text, findings);
        StringBuilder out = new StringBuilder();
        findings.replace(text, "[M]", out);
        return out.toString();
    }

    /** A matcher tried at every anchor, as before anchors inside words were skipped. */
    private static String reference(String text) {
        Findings findings = new Findings();
        findings.startStretch(0);
        Matcher matcher = SK_DASH.pattern().matcher(text).useTransparentBounds(true);
        int at = text.indexOf("sk-");
        while (at >= 0) {
            matcher.region(at, text.length());
            if (matcher.lookingAt()) {
                findings.add(matcher.start(), matcher.end());
                at = text.indexOf("sk-", Math.max(matcher.end(), at + 1));
            } else {
                at = text.indexOf("sk-", at + 1);
            }
        }
        StringBuilder out = new StringBuilder();
        findings.replace(text, "[M]", out);
        return out.toString();
    }
}
