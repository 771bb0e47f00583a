package io.trailkeeper.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * An embedded font that turns arbitrary text into text it can actually show.
 *
 * <p>Report content comes from agents and users, so it may hold emoji, CJK, control characters or
 * broken surrogates. PDFBox throws on a character without a glyph, and PDF/A forbids showing the
 * .notdef glyph, so every string goes through {@link #printable(String)} before it is measured or
 * drawn. Not thread-safe: create one per document (see {@link ReportFonts}).
 */
public final class ReportFont {

    /** Stands in for every character the font cannot show, so a reader sees that something was there. */
    public static final char REPLACEMENT = '?';

    private final PDFont font;
    private final Map<Integer, Boolean> coverage = new HashMap<>();

    public ReportFont(PDFont font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    public PDFont pdFont() {
        return font;
    }

    /**
     * Returns {@code text} reduced to what this font can draw on one line: line breaks and tabs become
     * spaces, control characters and characters without a glyph become {@link #REPLACEMENT}. Null
     * becomes the empty string. Applying it twice gives the same result.
     */
    public String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // NFC first: a decomposed "e + combining accent" then maps to the precomposed glyph the font has.
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || !hasGlyph(cp)) {
                if (hasGlyph(REPLACEMENT)) {
                    out.append(REPLACEMENT);
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Width in points of {@code text} (made printable first) at {@code size}. */
    public float width(String text, float size) {
        String printable = printable(text);
        if (printable.isEmpty()) {
            return 0f;
        }
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure text in font " + font.getName(), e);
        }
    }

    /** Distance from the top of a line to its baseline, in points. */
    public float ascent(float size) {
        return font.getFontDescriptor().getAscent() / 1000f * size;
    }

    /** Draws {@code text} (made printable first) with its baseline starting at (x, y). */
    public void show(PDPageContentStream content, float size, float x, float y, String text)
            throws IOException {
        String printable = printable(text);
        if (printable.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable);
        content.endText();
    }

    private boolean hasGlyph(int codePoint) {
        return coverage.computeIfAbsent(codePoint, this::probe);
    }

    private boolean probe(int codePoint) {
        // Asking the font to encode is the exact check showText() will make later; a missing glyph
        // (glyph id 0) is reported as IllegalArgumentException.
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
