package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.Arrays;

/**
 * The text that replaces a masked value, {@code [MASKED:CATEGORY]}, and where such markers are.
 * Markers already in a text, whether left by an earlier detector or by an earlier masking of the
 * same text, are opaque: detectors only ever see the text between them. That is what keeps a
 * masked value from being masked and counted again, and makes masking idempotent.
 */
final class Markers {

    private static final String OPENING = "[MASKED:";
    private static final MaskCategory[] CATEGORIES = MaskCategory.values();
    private static final String[] TEXTS = new String[CATEGORIES.length];

    static {
        for (MaskCategory category : CATEGORIES) {
            TEXTS[category.ordinal()] = OPENING + category.name() + "]";
        }
    }

    private static final int[] NONE = {};

    private Markers() {
    }

    static String of(MaskCategory category) {
        return TEXTS[category.ordinal()];
    }

    /** Whether the whole text is exactly one marker. */
    static boolean isMarker(String text) {
        return text.startsWith(OPENING) && lengthAt(text, 0) == text.length();
    }

    /** @return start and end of every marker, as consecutive pairs in text order */
    static int[] spans(String text) {
        int at = text.indexOf(OPENING);
        if (at < 0) {
            return NONE;
        }
        int[] spans = new int[8];
        int size = 0;
        while (at >= 0) {
            int length = lengthAt(text, at);
            if (length > 0) {
                if (size == spans.length) {
                    spans = Arrays.copyOf(spans, size * 2);
                }
                spans[size++] = at;
                spans[size++] = at + length;
                at = text.indexOf(OPENING, at + length);
            } else {
                at = text.indexOf(OPENING, at + 1);
            }
        }
        return Arrays.copyOf(spans, size);
    }

    /** @return the length of the marker that starts at {@code at}, or 0 when there is none */
    private static int lengthAt(String text, int at) {
        for (String marker : TEXTS) {
            if (text.startsWith(marker, at)) {
                return marker.length();
            }
        }
        return 0;
    }
}
