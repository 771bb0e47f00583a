package io.trailkeeper.reports.pdf;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits text into a width: wraps it onto lines and, where it still does not fit, cuts it with an
 * ellipsis. Nothing returned from here is ever wider than the width asked for, so table cells never
 * spill into their neighbours; a reader sees "…" and knows the value was longer.
 */
public final class TextFitter {

    public static final String ELLIPSIS = "\u2026";

    private TextFitter() {
    }

    /** {@code text} on one line, cut with an ellipsis if it is wider than {@code maxWidth}. */
    public static String truncate(ReportFont font, float size, float maxWidth, String text) {
        String line = singleSpaced(font.printable(text));
        if (font.width(line, size) <= maxWidth) {
            return line;
        }
        int[] ends = graphemeEnds(line);
        // Widths only grow with the prefix (PDFBox applies no kerning), so a binary search is exact.
        int low = 0;
        int high = ends.length;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            String candidate = line.substring(0, ends[mid - 1]).stripTrailing() + ELLIPSIS;
            if (font.width(candidate, size) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low == 0) {
            // Not even "x…" fits; an ellipsis alone still signals a value when there is room for it.
            return font.width(ELLIPSIS, size) <= maxWidth ? ELLIPSIS : "";
        }
        return line.substring(0, ends[low - 1]).stripTrailing() + ELLIPSIS;
    }

    /**
     * {@code text} wrapped at spaces onto at most {@code maxLines} lines (words wider than a line are
     * broken); if it needs more, the last line ends with an ellipsis. Returns at least one line.
     */
    public static List<String> wrap(ReportFont font, float size, float maxWidth, String text,
                                    int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1: " + maxLines);
        }
        String remaining = singleSpaced(font.printable(text));
        List<String> lines = new ArrayList<>();
        while (!remaining.isEmpty()) {
            if (lines.size() == maxLines - 1 || font.width(remaining, size) <= maxWidth) {
                lines.add(truncate(font, size, maxWidth, remaining));
                break;
            }
            int cut = fittingPrefixLength(font, size, maxWidth, remaining);
            if (cut == 0) {
                // A single character wider than the line: cutting cannot help, so end here.
                lines.add(truncate(font, size, maxWidth, remaining));
                break;
            }
            int breakAt = cut < remaining.length() && remaining.charAt(cut) == ' '
                    ? cut : remaining.lastIndexOf(' ', cut - 1);
            if (breakAt <= 0) {
                breakAt = cut;
            }
            lines.add(remaining.substring(0, breakAt).stripTrailing());
            remaining = remaining.substring(breakAt).stripLeading();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return List.copyOf(lines);
    }

    /** Length (in chars, on a grapheme boundary) of the longest prefix no wider than maxWidth. */
    private static int fittingPrefixLength(ReportFont font, float size, float maxWidth, String text) {
        int[] ends = graphemeEnds(text);
        int low = 0;
        int high = ends.length;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (font.width(text.substring(0, ends[mid - 1]), size) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? 0 : ends[low - 1];
    }

    /** End offsets of each user-perceived character, so cuts never split a surrogate pair or accent. */
    private static int[] graphemeEnds(String text) {
        BreakIterator boundaries = BreakIterator.getCharacterInstance(Locale.ROOT);
        boundaries.setText(text);
        int[] ends = new int[text.length()];
        int count = 0;
        boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
            ends[count++] = end;
        }
        int[] trimmed = new int[count];
        System.arraycopy(ends, 0, trimmed, 0, count);
        return trimmed;
    }

    private static String singleSpaced(String printable) {
        return printable.strip().replaceAll(" {2,}", " ");
    }
}
