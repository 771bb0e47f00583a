package io.trailkeeper.reports.pdf;

import java.util.Objects;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Page size and margins. The running header and footer ({@link PageFrame}) are drawn inside the top
 * and bottom margins, so body content never collides with them.
 */
public record PageGeometry(PDRectangle mediaBox, float marginLeft, float marginRight, float marginTop,
                           float marginBottom) {

    public PageGeometry {
        Objects.requireNonNull(mediaBox, "mediaBox");
        if (marginLeft < 0 || marginRight < 0 || marginTop < 0 || marginBottom < 0
                || marginLeft + marginRight >= mediaBox.getWidth()
                || marginTop + marginBottom >= mediaBox.getHeight()) {
            throw new IllegalArgumentException("Margins leave no room for content");
        }
    }

    /** A4 landscape: the width wide tables with many columns need. */
    public static PageGeometry a4Landscape() {
        return new PageGeometry(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()),
                36f, 36f, 48f, 42f);
    }

    /** A4 portrait, for narrative reports. */
    public static PageGeometry a4Portrait() {
        return new PageGeometry(PDRectangle.A4, 48f, 48f, 54f, 48f);
    }

    public float width() {
        return mediaBox.getWidth();
    }

    public float height() {
        return mediaBox.getHeight();
    }

    public float contentLeft() {
        return marginLeft;
    }

    public float contentRight() {
        return width() - marginRight;
    }

    public float contentWidth() {
        return contentRight() - contentLeft();
    }

    public float contentTop() {
        return height() - marginTop;
    }

    public float contentBottom() {
        return marginBottom;
    }

    public float contentHeight() {
        return contentTop() - contentBottom();
    }
}
