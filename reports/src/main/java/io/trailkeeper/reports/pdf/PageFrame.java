package io.trailkeeper.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

/**
 * The running header and footer stamped on every page once the body is laid out.
 *
 * <p>It runs last because "Page x of y" needs the final page count. A printed page that got separated
 * from the rest still says which report, which period and which page it is, which auditors rely on
 * when they file single pages as evidence.
 *
 * @param footerLabel  start of the footer, e.g. "Trailkeeper · Audit trail summary"; the page number follows
 * @param headerLeft   left part of the header, e.g. the report title
 * @param headerRight  right part of the header, e.g. the reporting period
 */
public record PageFrame(String footerLabel, String headerLeft, String headerRight) {

    private static final float FONT_SIZE = 7.5f;
    private static final Color TEXT_COLOR = new Color(0x4A, 0x55, 0x60);
    private static final Color RULE_COLOR = new Color(0x9A, 0xA5, 0xB1);
    private static final float GAP = 12f;

    public PageFrame {
        Objects.requireNonNull(footerLabel, "footerLabel");
        Objects.requireNonNull(headerLeft, "headerLeft");
        Objects.requireNonNull(headerRight, "headerRight");
    }

    /** The footer text of page {@code page} (1-based) of {@code pages}. */
    public String footerText(int page, int pages) {
        return footerLabel + pageSuffix(page, pages);
    }

    private static String pageSuffix(int page, int pages) {
        return " \u00b7 Page " + page + " of " + pages;
    }

    /** Stamps header and footer on every page of {@code document}. */
    public void stamp(PDDocument document, ReportFonts fonts, PageGeometry geometry) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content =
                         new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                drawHeader(content, fonts, geometry);
                drawFooter(content, fonts.regular(), geometry, i + 1, pages);
            }
        }
    }

    private void drawHeader(PDPageContentStream content, ReportFonts fonts, PageGeometry geometry)
            throws IOException {
        float baseline = geometry.contentTop() + geometry.marginTop() / 2f - FONT_SIZE / 2f;
        float half = (geometry.contentWidth() - GAP) / 2f;
        String left = TextFitter.truncate(fonts.bold(), FONT_SIZE, half, headerLeft);
        String right = TextFitter.truncate(fonts.regular(), FONT_SIZE, half, headerRight);

        content.setNonStrokingColor(TEXT_COLOR);
        fonts.bold().show(content, FONT_SIZE, geometry.contentLeft(), baseline, left);
        fonts.regular().show(content, FONT_SIZE,
                geometry.contentRight() - fonts.regular().width(right, FONT_SIZE), baseline, right);

        content.setStrokingColor(RULE_COLOR);
        content.setLineWidth(0.5f);
        float ruleY = baseline - 4f;
        content.moveTo(geometry.contentLeft(), ruleY);
        content.lineTo(geometry.contentRight(), ruleY);
        content.stroke();
    }

    private void drawFooter(PDPageContentStream content, ReportFont font, PageGeometry geometry,
                            int page, int pages) throws IOException {
        float baseline = geometry.marginBottom() / 2f - FONT_SIZE / 2f;
        // Only the label may be shortened: the page number is the part a reader must always see.
        String suffix = pageSuffix(page, pages);
        String label = TextFitter.truncate(font, FONT_SIZE,
                geometry.contentWidth() - font.width(suffix, FONT_SIZE), footerLabel);
        String line = label + suffix;

        content.setStrokingColor(RULE_COLOR);
        content.setLineWidth(0.5f);
        float ruleY = baseline + FONT_SIZE + 4f;
        content.moveTo(geometry.contentLeft(), ruleY);
        content.lineTo(geometry.contentRight(), ruleY);
        content.stroke();

        content.setNonStrokingColor(TEXT_COLOR);
        float x = geometry.contentLeft() + (geometry.contentWidth() - font.width(line, FONT_SIZE)) / 2f;
        font.show(content, FONT_SIZE, x, baseline, line);
    }
}
