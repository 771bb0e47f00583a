package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** Charts are evidence too: drawn as vectors with searchable labels, never as pictures, and PDF/A-valid. */
class VectorChartTest {

    @Test
    void chartsArePathsAndTextInEmbeddedFontsWithoutAnyImage() throws Exception {
        byte[] pdf = render();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfGraphics.Drawing drawing = PdfGraphics.of(document.getPage(0));
            assertEquals(2, drawing.forms(), "each chart is one form XObject");
            assertTrue(drawing.images().isEmpty(), "image XObjects: " + drawing.images());
            assertFalse(drawing.operators().contains("BI"), "no inline image");
            assertTrue(drawing.operators().contains("Do"), "the forms are placed on the page");
            for (String pathOperator : new String[] {"m", "l", "h", "f", "S"}) {
                assertTrue(drawing.operators().contains(pathOperator), "path operator " + pathOperator);
            }
            assertTrue(drawing.operators().contains("Tj") || drawing.operators().contains("TJ"),
                    "labels are text, not outlines");
            for (PDFont font : drawing.fonts()) {
                assertTrue(font.isEmbedded(), font.getName() + " embedded");
                assertTrue(font.getName().contains("DejaVuSansCondensed"), font.getName());
            }
        }
    }

    @Test
    void chartLabelsCanBeReadBack() throws IOException {
        String text = PdfText.of(render()).all();
        assertTrue(text.contains("Events per day"), text);
        assertTrue(text.contains("Exceptions by criterion"), text);
        assertTrue(text.contains("CC6.1") && text.contains("CC7.2"), text);
    }

    @Test
    void aPageWithChartsIsPdfA3b() throws Exception {
        PdfAValidation.assertPdfA3b(render());
    }

    private static byte[] render() throws IOException {
        DocumentProperties properties = new DocumentProperties("Charts", "Trailkeeper", "test", "test",
                Instant.parse("2026-03-01T00:00:00Z"));
        try (PDDocument document = ArchivalDocument.create(properties, ArchivalConformance.PDF_A_3B)) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            ReportCharts charts = new ReportCharts(fonts);
            Map<LocalDate, Long> perDay = new LinkedHashMap<>();
            for (int day = 1; day <= 28; day++) {
                perDay.put(LocalDate.of(2026, 2, day), (long) (day * 37 % 250));
            }
            Map<String, Long> perCriterion = new LinkedHashMap<>();
            perCriterion.put("CC6.1", 3L);
            perCriterion.put("CC6.3", 0L);
            perCriterion.put("CC7.2", 12L);
            try (PageFlow flow = new PageFlow(document, PageGeometry.a4Portrait())) {
                VectorChart vector = new VectorChart(document, fonts);
                vector.draw(flow, charts.daily("Events per day", "Events", perDay), 220f);
                vector.draw(flow, charts.bars("Exceptions by criterion", "Criterion", "Exceptions", perCriterion), 220f);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
