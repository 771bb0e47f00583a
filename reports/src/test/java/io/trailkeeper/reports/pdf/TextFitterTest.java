package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextFitterTest {

    private static final float SIZE = 10f;

    private PDDocument document;
    private ReportFont font;

    @BeforeEach
    void embedFont() throws IOException {
        document = new PDDocument();
        font = ReportFonts.embedInto(document).regular();
    }

    @AfterEach
    void close() throws IOException {
        document.close();
    }

    @Test
    void shortTextIsLeftAlone() {
        assertEquals("record.read", TextFitter.truncate(font, SIZE, 200f, "record.read"));
        assertEquals(List.of("record.read"), TextFitter.wrap(font, SIZE, 200f, "record.read", 2));
    }

    @Test
    void truncatedTextEndsWithAnEllipsisAndFits() {
        String longText = "crm/customers/10000/profile/".repeat(20);
        for (float width = 12f; width <= 300f; width += 7f) {
            String cut = TextFitter.truncate(font, SIZE, width, longText);
            assertTrue(cut.endsWith(TextFitter.ELLIPSIS), cut);
            assertTrue(font.width(cut, SIZE) <= width, cut + " wider than " + width);
            assertTrue(longText.startsWith(cut.substring(0, cut.length() - 1)), cut);
        }
    }

    @Test
    void truncationDoesNotLeaveASpaceBeforeTheEllipsis() {
        String text = "alpha beta gamma delta epsilon";
        float width = font.width("alpha beta " + TextFitter.ELLIPSIS, SIZE);
        assertEquals("alpha beta" + TextFitter.ELLIPSIS, TextFitter.truncate(font, SIZE, width, text));
    }

    @Test
    void tooNarrowForAnythingGivesAnEllipsisOrNothing() {
        float ellipsis = font.width(TextFitter.ELLIPSIS, SIZE);
        assertEquals(TextFitter.ELLIPSIS, TextFitter.truncate(font, SIZE, ellipsis, "WWWWWW"));
        assertEquals("", TextFitter.truncate(font, SIZE, ellipsis / 2, "WWWWWW"));
        assertEquals(List.of(""), TextFitter.wrap(font, SIZE, 0f, "WWWWWW", 3));
    }

    @Test
    void wrapsAtSpaces() {
        float width = font.width("alpha beta gamma", SIZE);
        assertEquals(List.of("alpha beta gamma", "delta epsilon"),
                TextFitter.wrap(font, SIZE, width, "alpha beta gamma delta epsilon", 5));
    }

    @Test
    void breaksWordsLongerThanALine() {
        float width = font.width("XXXXXXXXXX", SIZE);
        List<String> lines = TextFitter.wrap(font, SIZE, width, "X".repeat(25), 5);
        assertEquals(List.of("XXXXXXXXXX", "XXXXXXXXXX", "XXXXX"), lines);
    }

    @Test
    void lastAllowedLineIsCutWithAnEllipsis() {
        float width = 80f;
        List<String> lines = TextFitter.wrap(font, SIZE, width, "word ".repeat(100), 3);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).endsWith(TextFitter.ELLIPSIS), lines.toString());
        lines.forEach(line -> assertTrue(font.width(line, SIZE) <= width, line));
    }

    @Test
    void collapsesWhitespaceAndLineBreaks() {
        assertEquals(List.of("a b c"), TextFitter.wrap(font, SIZE, 200f, "  a \n\n b\t\tc  ", 2));
    }

    @Test
    void neverSplitsAnAccentFromItsLetter() {
        // "x" + combining circumflex has no precomposed form, so it stays two code points after NFC
        String text = "x\u0302".repeat(30);
        String cut = TextFitter.truncate(font, SIZE, 40f, text);
        String kept = cut.substring(0, cut.length() - 1);
        assertEquals(0, kept.length() % 2, "whole x+circumflex pairs only: " + kept);
    }

    @Test
    void rejectsZeroLines() {
        assertThrows(IllegalArgumentException.class, () -> TextFitter.wrap(font, SIZE, 100f, "x", 0));
    }
}
