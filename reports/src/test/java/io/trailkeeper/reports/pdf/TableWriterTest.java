package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The table writer on its own, with a row type unrelated to audit trails, as later reports will use it. */
class TableWriterTest {

    private record Control(String id, String description, Integer evidenceCount) {
    }

    private static final List<TableColumn<Control>> COLUMNS = List.of(
            TableColumn.<Control>left("Control", 1f, Control::id),
            TableColumn.<Control>left("Description", 4f, Control::description).wrapping(2),
            TableColumn.<Control>right("Evidence items", 1f,
                    c -> c.evidenceCount() == null ? null : c.evidenceCount().toString()));

    @Test
    void rowsContinueOnNewPagesUnderARepeatedHeader() throws IOException {
        List<Control> controls = IntStream.range(0, 150)
                .mapToObj(i -> new Control("CC" + (1000 + i), "Access reviews are performed quarterly", i))
                .toList();

        PdfText text = PdfText.of(render(controls));

        assertTrue(text.pageCount() >= 3, "pages: " + text.pageCount());
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= text.pageCount(); page++) {
            List<String> lines = text.page(page).lines().toList();
            assertEquals("Control Description Evidence items", lines.get(0), "header first on page " + page);
            lines.stream().filter(line -> line.startsWith("CC")).map(line -> line.substring(0, 6)).forEach(ids::add);
        }
        assertEquals(controls.stream().map(Control::id).toList(), ids, "every row exactly once, in order");
    }

    @Test
    void nullCellsShowAnEmDash() throws IOException {
        PdfText text = PdfText.of(render(List.of(new Control("CC1", null, null))));
        assertTrue(text.page(1).contains("CC1 \u2014 \u2014"), text.page(1));
    }

    @Test
    void wrappingColumnsUseUpToTheirLineLimitThenEllipsis() throws IOException {
        String description = "Evidence of quarterly access reviews signed off by the system owner ".repeat(8);
        PdfText text = PdfText.of(render(List.of(new Control("CC1", description, 1), new Control("CC2", "short", 2))));

        List<String> lines = text.page(1).lines().toList();
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("CC1 ")).findFirst().orElseThrow());
        assertTrue(lines.get(first + 1).endsWith("\u2026"), "second line is cut: " + lines.get(first + 1));
        assertTrue(lines.get(first + 2).startsWith("CC2 short 2"), "next row follows: " + lines.get(first + 2));
    }

    @Test
    void rightAlignedNumbersLineUpOnTheirRightEdge() throws IOException {
        PdfText text = PdfText.of(render(List.of(new Control("CC1", "a", 7), new Control("CC2", "b", 123456))));
        float sevenRight = rightEdgeOf(text.glyphs(1), "7");
        float sixRight = rightEdgeOf(text.glyphs(1), "6");
        assertEquals(sevenRight, sixRight, 0.01f);
    }

    @Test
    void rejectsTablesWiderThanThePage() throws IOException {
        try (PDDocument document = new PDDocument(); PageFlow flow = new PageFlow(document, PageGeometry.a4Portrait())) {
            TableWriter writer = new TableWriter(ReportFonts.embedInto(document), TableStyle.standard());
            assertThrows(IllegalArgumentException.class,
                    () -> writer.write(flow, COLUMNS, List.of(), flow.geometry().contentWidth() + 1f));
            assertThrows(IllegalArgumentException.class, () -> writer.write(flow, List.<TableColumn<Control>>of(), List.of()));
        }
    }

    @Test
    void columnDefinitionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> TableColumn.<Control>left("x", 0f, Control::id));
        assertThrows(IllegalArgumentException.class, () -> TableColumn.<Control>left("x", 1f, Control::id).wrapping(0));
        assertThrows(NullPointerException.class, () -> TableColumn.<Control>left(null, 1f, Control::id));
    }

    private static float rightEdgeOf(List<TextPosition> glyphs, String unicode) {
        float right = 0f;
        for (TextPosition glyph : glyphs) {
            if (glyph.getUnicode().equals(unicode)) {
                right = Math.max(right, glyph.getXDirAdj() + glyph.getWidthDirAdj());
            }
        }
        return right;
    }

    private static byte[] render(List<Control> rows) throws IOException {
        try (PDDocument document = new PDDocument()) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            try (PageFlow flow = new PageFlow(document, PageGeometry.a4Portrait())) {
                new TableWriter(fonts, TableStyle.standard()).write(flow, COLUMNS, rows);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
