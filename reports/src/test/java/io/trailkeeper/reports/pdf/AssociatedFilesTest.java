package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.Test;

import io.trailkeeper.reports.pdf.AttachedFile.Relationship;

/** The data inside a PDF/A-3 report is what an auditor re-performs tests on: it must come out as it went in. */
class AssociatedFilesTest {

    private static final Instant PRODUCED = Instant.parse("2026-03-01T08:15:30Z");

    private static final AttachedFile CSV = new AttachedFile("CC6.1-exceptions.csv",
            "Exceptions of CC6.1", "text/csv", Relationship.DATA, PRODUCED,
            CsvTable.of(List.of("agent", "note"), List.of(
                    List.of("billing-bot", "said \"hi\", then left"),
                    Arrays.asList("ops\u00e9", null))));
    private static final AttachedFile JSON = new AttachedFile("report.json", "The whole report model",
            "application/json", Relationship.SOURCE, PRODUCED,
            "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void attachedFilesAreReadBackByteForByteAndThePdfIsPdfA3b() throws Exception {
        byte[] pdf = render(List.of(CSV, JSON));

        PdfAValidation.assertPdfA3b(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(List.of(CSV, JSON), AssociatedFiles.read(document));
        }
    }

    @Test
    void eachFileIsInTheCatalogsAfArrayAndTheEmbeddedFilesTreeWithItsRelationshipAndType() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(List.of(CSV, JSON)))) {
            COSArray af = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertEquals(2, af.size());
            var tree = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertEquals(List.of("CC6.1-exceptions.csv", "report.json"), List.copyOf(tree.keySet()));
            PDComplexFileSpecification csv = tree.get("CC6.1-exceptions.csv");
            assertEquals(af.getObject(0), csv.getCOSObject(), "the same file specification in both places");
            assertEquals("Data", csv.getCOSObject().getNameAsString("AFRelationship"));
            assertEquals("Source", ((COSDictionary) af.getObject(1)).getNameAsString("AFRelationship"));
            assertEquals("text/csv", csv.getEmbeddedFile().getSubtype());
            assertEquals(PRODUCED, csv.getEmbeddedFile().getModDate().toInstant());
            assertEquals(CSV.content().length, csv.getEmbeddedFile().getSize());
        }
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuotingAndKeepsValuesExact() {
        assertEquals("agent,note\r\nbilling-bot,\"said \"\"hi\"\", then left\"\r\nops\u00e9,\r\n",
                new String(CSV.content(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> CsvTable.of(List.of("a"), List.of(List.of("1", "2"))));
    }

    @Test
    void namesMustBeUniqueAndPlain() throws IOException {
        try (PDDocument document = new PDDocument()) {
            assertThrows(IllegalArgumentException.class, () -> AssociatedFiles.attach(document, List.of(CSV, CSV)));
        }
        assertThrows(IllegalArgumentException.class, () -> new AttachedFile("../x.csv", "d", "text/csv",
                Relationship.DATA, PRODUCED, new byte[0]));
    }

    private static byte[] render(List<AttachedFile> files) throws IOException {
        DocumentProperties properties = new DocumentProperties("Attachments", "Trailkeeper", "test", "test", PRODUCED);
        try (PDDocument document = ArchivalDocument.create(properties, ArchivalConformance.PDF_A_3B)) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            try (PageFlow flow = new PageFlow(document, PageGeometry.a4Portrait())) {
                flow.paragraph("The data of this page is attached.", fonts.regular(), 10f);
            }
            AssociatedFiles.attach(document, files);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
