package io.trailkeeper.reports.pdf;

import java.awt.Font;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.font.PDFont;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

/**
 * Lets chart text be drawn as real text in the report's own embedded fonts.
 *
 * <p>JFreeChart asks for AWT fonts (its theme's family, bold for titles). Left to itself the
 * graphics2d library would look up a matching system font, which may not be embeddable, or draw
 * glyph outlines, which readers cannot search or copy. Mapping every AWT font to the document's
 * embedded DejaVu face (bold for bold) keeps PDF/A's "all fonts embedded" rule and makes axis labels
 * and titles readable by PDFTextStripper, like the rest of the page.
 */
final class ChartFontMapping extends PdfBoxGraphics2DFontTextDrawer {

    private final ReportFonts fonts;

    ChartFontMapping(ReportFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    @Override
    protected PDFont mapFont(Font font, IFontTextDrawerEnv env) {
        return (font.isBold() ? fonts.bold() : fonts.regular()).pdFont();
    }
}
