package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The building blocks together, without any report: what a new evidence report starts from. */
class ArchivalDocumentTest {

    private static final DocumentProperties PROPERTIES = new DocumentProperties("SOC 2 evidence", "Trailkeeper",
            "Sample evidence", "Trailkeeper, SOC 2", Instant.parse("2026-03-02T08:15:30.987Z"));

    @Test
    void buildingBlocksProducePdfA2b() throws Exception {
        PdfAValidation.assertPdfA2b(sampleDocument());
    }

    @Test
    void validatorRejectsANonEmbeddedStandardFont() throws Exception {
        // Guards the guard: if veraPDF were not actually checking, every compliance test would pass.
        byte[] pdf;
        try (PDDocument document = ArchivalDocument.create(PROPERTIES)) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12f);
                content.newLineAtOffset(50f, 700f);
                content.showText("Helvetica is not embedded");
                content.endText();
            }
            pdf = save(document);
        }
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> PdfAValidation.assertPdfA2b(pdf));
        assertTrue(failure.getMessage().contains("6.2.11.4.1"), "names the failed font-embedding rule: "
                + failure.getMessage());
    }

    @Test
    void metadataIsWrittenToInfoAndXmpAlike() throws Exception {
        try (PDDocument document = Loader.loadPDF(sampleDocument())) {
            assertEquals("SOC 2 evidence", document.getDocumentInformation().getTitle());
            assertEquals("Trailkeeper", document.getDocumentInformation().getAuthor());
            assertEquals(Instant.parse("2026-03-02T08:15:30Z"),
                    document.getDocumentInformation().getCreationDate().toInstant(), "whole seconds");
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals("SOC 2 evidence", xmp.getDublinCoreSchema().getTitle());
            assertEquals("Sample evidence", xmp.getDublinCoreSchema().getDescription());
            assertEquals(ArchivalDocument.PRODUCER, xmp.getAdobePDFSchema().getProducer());
            assertEquals(Instant.parse("2026-03-02T08:15:30Z"), xmp.getXMPBasicSchema().getCreateDate().toInstant());
            assertEquals(2, xmp.getPDFAIdentificationSchema().getPart());
        }
    }

    @Test
    void controlCharactersInPropertiesCannotBreakTheXmp() throws Exception {
        DocumentProperties hostile = new DocumentProperties("Title\u0000with\u0007controls", "Trail\nkeeper",
                "s\uD800", "k", Instant.EPOCH);
        assertEquals("Title?with?controls", hostile.title());
        try (PDDocument document = ArchivalDocument.create(hostile)) {
            PDPage page = new PDPage();
            page.setResources(new PDResources());
            document.addPage(page);
            PdfAValidation.assertPdfA2b(save(document));
        }
    }

    @Test
    void longParagraphsContinueOnTheNextPage() throws IOException {
        try (PDDocument document = ArchivalDocument.create(PROPERTIES)) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            try (PageFlow flow = new PageFlow(document, PageGeometry.a4Portrait())) {
                flow.paragraph("Evidence sentence number one. ".repeat(800), fonts.regular(), 10f);
            }
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
        }
    }

    @Test
    void footerKeepsThePageNumberWhenItsLabelIsTooLong() throws IOException {
        PageFrame frame = new PageFrame("Trailkeeper \u00b7 " + "Very long report name ".repeat(40), "Left", "Right");
        byte[] pdf;
        try (PDDocument document = ArchivalDocument.create(PROPERTIES)) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            document.addPage(new PDPage());
            document.addPage(new PDPage());
            frame.stamp(document, fonts, PageGeometry.a4Portrait());
            pdf = save(document);
        }
        PdfText text = PdfText.of(pdf);
        assertTrue(text.page(2).contains("\u2026 \u00b7 Page 2 of 2"), text.page(2));
        assertEquals("Trailkeeper \u00b7 Audit \u00b7 Page 3 of 7",
                new PageFrame("Trailkeeper \u00b7 Audit", "", "").footerText(3, 7));
    }

    private static byte[] sampleDocument() throws IOException {
        try (PDDocument document = ArchivalDocument.create(PROPERTIES)) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            PageGeometry geometry = PageGeometry.a4Portrait();
            try (PageFlow flow = new PageFlow(document, geometry)) {
                flow.heading("SOC 2 evidence", fonts.bold(), 16f, 40f);
                new FieldList(fonts, 9f, 80f).write(flow, List.of(
                        new FieldList.Field("Control", "CC6.1"), new FieldList.Field("Owner", null)));
                flow.space(10f);
                flow.paragraph("Logical access is restricted to authorised users. ".repeat(20), fonts.regular(), 9f);
                new TableWriter(fonts, TableStyle.standard()).write(flow,
                        List.of(TableColumn.<String>left("Item", 3f, s -> s), TableColumn.<String>right("Length", 1f,
                                s -> Integer.toString(s.length()))),
                        List.of("alpha", "beta", "\uD83E\uDD16 robot"));
            }
            new PageFrame("Trailkeeper \u00b7 SOC 2 evidence", "SOC 2 evidence", "2026-Q1").stamp(document, fonts, geometry);
            return save(document);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
