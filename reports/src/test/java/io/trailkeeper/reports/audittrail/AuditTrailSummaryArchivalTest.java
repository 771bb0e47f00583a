package io.trailkeeper.reports.audittrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

import io.trailkeeper.reports.pdf.PdfAValidation;

/**
 * The report is archival evidence: veraPDF must accept it as PDF/A-2b, whatever the content, and its
 * metadata must say what it is.
 */
class AuditTrailSummaryArchivalTest {

    private final AuditTrailSummaryPdf renderer = new AuditTrailSummaryPdf();

    @Test
    void multiPageReportIsPdfA2b() throws Exception {
        PdfAValidation.assertPdfA2b(renderer.render(
                AuditTrailFixtures.summaryOf(AuditTrailFixtures.februaryEvents(300))));
    }

    @Test
    void truncatedReportIsPdfA2b() throws Exception {
        PdfAValidation.assertPdfA2b(renderer.render(
                AuditTrailFixtures.summaryOf(AuditTrailFixtures.februaryEvents(50), 5_000, 50)));
    }

    @Test
    void emptyReportIsPdfA2b() throws Exception {
        PdfAValidation.assertPdfA2b(renderer.render(AuditTrailFixtures.emptySummary()));
    }

    @Test
    void reportWithHostileTextIsPdfA2b() throws Exception {
        PdfAValidation.assertPdfA2b(renderer.render(AuditTrailFixtures.hostileSummary()));
    }

    @Test
    void documentInformationAndXmpDescribeTheReport() throws Exception {
        byte[] pdf = renderer.render(AuditTrailFixtures.summaryOf(AuditTrailFixtures.februaryEvents(20)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            String title = "Audit trail summary, 2026-02-01 00:00:00 UTC \u2013 2026-03-01 00:00:00 UTC";
            assertEquals(title, info.getTitle());
            assertEquals("Trailkeeper", info.getAuthor());
            assertEquals(AuditTrailFixtures.GENERATED_AT, info.getCreationDate().toInstant());

            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();
            assertEquals(2, pdfa.getPart());
            assertEquals("B", pdfa.getConformance());
            assertEquals(title, xmp.getDublinCoreSchema().getTitle());
            assertEquals(List.of("Trailkeeper"), xmp.getDublinCoreSchema().getCreators());
            assertEquals(AuditTrailFixtures.GENERATED_AT, xmp.getXMPBasicSchema().getCreateDate().toInstant());

            assertEquals(1, document.getDocumentCatalog().getOutputIntents().size());
            assertEquals("sRGB IEC61966-2.1",
                    document.getDocumentCatalog().getOutputIntents().get(0).getOutputConditionIdentifier());
        }
    }

    @Test
    void onlyEmbeddedSubsetDejaVuFontsAreUsed() throws IOException {
        byte[] pdf = renderer.render(AuditTrailFixtures.summaryOf(AuditTrailFixtures.februaryEvents(100)));
        Set<String> fonts = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " embedded");
                    assertFalse(font.isStandard14(), font.getName() + " is a standard 14 font");
                    fonts.add(font.getName());
                }
            }
        }
        assertEquals(2, fonts.size(), fonts.toString());
        for (String font : fonts) {
            assertTrue(font.matches("[A-Z]{6}\\+DejaVuSansCondensed(-Bold)?"), "subset DejaVu font: " + font);
        }
    }
}
