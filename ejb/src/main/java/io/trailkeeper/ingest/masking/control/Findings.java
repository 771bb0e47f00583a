package io.trailkeeper.ingest.masking.control;

import java.util.Arrays;

/**
 * The spans one detector wants masked in one text. Detectors with several patterns may report
 * overlapping spans (an Anthropic key is also shaped like an OpenAI key); they are settled here,
 * before the text is rebuilt, so that each value is replaced, and counted, once.
 */
final class Findings {

    /** start in the high half, {@code Integer.MAX_VALUE - end} in the low half: sorting puts the longest span first among equal starts. */
    private long[] spans = new long[8];
    private int size;
    private int offset;

    /** Where the stretch of text the detector is looking at starts in the whole text. */
    void startStretch(int offset) {
        this.offset = offset;
    }

    /** @param start where the value starts in the stretch; negative (a group that did not match) is ignored */
    void add(int start, int end) {
        if (start < 0 || end <= start) {
            return;
        }
        start += offset;
        end += offset;
        if (size == spans.length) {
            spans = Arrays.copyOf(spans, size * 2);
        }
        spans[size++] = ((long) start << 32) | (Integer.MAX_VALUE - end);
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /**
     * Appends {@code text} to {@code out} with every span replaced by {@code marker}; a span that
     * overlaps one kept before it is dropped.
     *
     * @return how many spans were replaced
     */
    int replace(String text, String marker, StringBuilder out) {
        if (!isSorted()) {
            Arrays.sort(spans, 0, size);
        }
        int copied = 0;
        int replaced = 0;
        for (int i = 0; i < size; i++) {
            int start = (int) (spans[i] >>> 32);
            int end = Integer.MAX_VALUE - (int) spans[i];
            if (start < copied) {
                continue;
            }
            out.append(text, copied, start).append(marker);
            copied = end;
            replaced++;
        }
        out.append(text, copied, text.length());
        return replaced;
    }

    private boolean isSorted() {
        for (int i = 1; i < size; i++) {
            if (spans[i - 1] > spans[i]) {
                return false;
            }
        }
        return true;
    }
}
