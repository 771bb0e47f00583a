package io.trailkeeper.reports.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;

/**
 * Draws a JFreeChart into a {@link PageFlow} as vector graphics.
 *
 * <p>The chart is painted on a PDFBox Graphics2D, which turns every line, bar and label into PDF path
 * and text operators inside a form XObject; the form is then placed on the page. Nothing is ever
 * rasterised, so the chart stays sharp when printed or zoomed and its labels are text an auditor can
 * search. Text uses the document's embedded fonts ({@link ChartFontMapping}), as PDF/A requires.
 */
public final class VectorChart {

    private final PDDocument document;
    private final ReportFonts fonts;

    public VectorChart(PDDocument document, ReportFonts fonts) {
        this.document = Objects.requireNonNull(document, "document");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /** Draws {@code chart} across the content width, {@code height} points high, breaking the page first if needed. */
    public void draw(PageFlow flow, JFreeChart chart, float height) throws IOException {
        Objects.requireNonNull(chart, "chart");
        float width = flow.geometry().contentWidth();
        flow.ensureSpace(height);
        PDFormXObject form = paint(chart, width, height);
        PDPageContentStream content = flow.content();
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(flow.geometry().contentLeft(), flow.y() - height));
        content.drawForm(form);
        content.restoreGraphicsState();
        flow.advance(height);
    }

    private PDFormXObject paint(JFreeChart chart, float width, float height) throws IOException {
        PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, width, height);
        try (ChartFontMapping fontMapping = new ChartFontMapping(fonts)) {
            graphics.setFontTextDrawer(fontMapping);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        return graphics.getXFormObject();
    }
}
