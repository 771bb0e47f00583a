package io.trailkeeper.reports.pdf;

import java.awt.Color;
import java.util.Objects;

/**
 * Look of a {@link TableWriter} table. Colours are RGB, which the document's sRGB output intent makes
 * PDF/A-conformant; a null stripe colour turns zebra striping off.
 */
public record TableStyle(float fontSize, float lineSpacing, float cellPadding, Color headerBackground,
                         Color stripeBackground, Color ruleColor) {

    public TableStyle {
        if (!(fontSize > 0f) || !(lineSpacing >= 1f) || !(cellPadding >= 0f)) {
            throw new IllegalArgumentException("fontSize > 0, lineSpacing >= 1 and cellPadding >= 0 required");
        }
        Objects.requireNonNull(headerBackground, "headerBackground");
        Objects.requireNonNull(ruleColor, "ruleColor");
    }

    /** Compact 8 pt table with grey header and light striping, readable when printed. */
    public static TableStyle standard() {
        return new TableStyle(8f, 1.25f, 3f, new Color(0xDD, 0xE3, 0xEA), new Color(0xF4, 0xF6, 0xF8),
                new Color(0x9A, 0xA5, 0xB1));
    }

    /** Distance between baselines of wrapped lines in a cell. */
    public float leading() {
        return fontSize * lineSpacing;
    }
}
