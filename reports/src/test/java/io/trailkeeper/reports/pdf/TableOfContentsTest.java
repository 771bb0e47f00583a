package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;

/** Contents long enough for two pages: every printed number is the page the entry really starts on. */
class TableOfContentsTest {

    private static final int SECTIONS = 70;

    @Test
    void pageNumbersAreTheFinalOnesAfterTheContentsPagesAreInserted() throws IOException {
        byte[] pdf = render();
        PdfText text = PdfText.of(pdf);
        assertTrue(text.page(2).startsWith("Contents"), text.page(2));
        assertTrue(text.page(3).contains("Section 045 "), "the contents continue on a second page");
        String contents = text.page(2) + text.page(3);
        for (int i = 0; i < SECTIONS; i++) {
            String label = String.format("Section %03d", i);
            Matcher line = Pattern.compile(label + "[ .]* (\\d+)\\n").matcher(contents);
            assertTrue(line.find(), label);
            int page = Integer.parseInt(line.group(1));
            assertEquals(4 + i / 2, page, label);
            assertTrue(text.page(page).contains(label + " heading"), label + " on page " + page);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDOutlineItem first = document.getDocumentCatalog().getDocumentOutline().getFirstChild();
            assertEquals("Section 000", first.getTitle());
            assertEquals(3, document.getPages().indexOf(first.findDestinationPage(document)), "bookmark target");
        }
    }

    @Test
    void aShortContentsNeedsOnePage() {
        assertEquals(1, new TableOfContents("Contents").pagesNeeded(PageGeometry.a4Portrait()));
    }

    private static byte[] render() throws IOException {
        PageGeometry geometry = PageGeometry.a4Portrait();
        try (PDDocument document = new PDDocument()) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            TableOfContents contents = new TableOfContents("Contents");
            try (PageFlow flow = new PageFlow(document, geometry)) {
                flow.paragraph("Title page", fonts.bold(), 20f);
                for (int i = 0; i < SECTIONS; i++) {
                    if (i % 2 == 0) {
                        flow.newPage();
                    }
                    String label = String.format("Section %03d", i);
                    flow.heading(label + " heading", fonts.bold(), 12f, 20f);
                    contents.mark(document, label);
                    flow.paragraph("Body of " + label, fonts.regular(), 10f);
                }
            }
            assertEquals(List.of(2), List.of(contents.pagesNeeded(geometry)));
            contents.insert(document, fonts, geometry, 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
