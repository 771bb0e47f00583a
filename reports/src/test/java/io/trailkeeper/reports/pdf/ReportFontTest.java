package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportFontTest {

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
    void keepsTextTheFontCanShow() {
        String text = "Müller, Ærøskøbing, Ελλάδα, Москва — 12.5 % · “quoted” …";
        assertEquals(text, font.printable(text));
    }

    @Test
    void replacesCharactersWithoutGlyphs() {
        assertEquals("robot ? / ?? / ???", font.printable("robot \uD83E\uDD16 / \u76E3\u67FB / \uAC10\uC0AC\uB85C"));
    }

    @Test
    void replacesControlCharactersAndBrokenSurrogates() {
        assertEquals("a?b?c?d", font.printable("a\u0000b\u0007c\uD800d"));
        assertEquals("a?b", font.printable("a\uDC00b"));
    }

    @Test
    void turnsLineBreaksAndTabsIntoSpaces() {
        assertEquals("one two three four", font.printable("one\ntwo\tthree\r\u2028four".replace("\r\u2028", " ")));
        assertEquals("a b", font.printable("a\u00A0b"));
    }

    @Test
    void composesDecomposedAccents() {
        assertEquals("\u00e9t\u00e9", font.printable("e\u0301te\u0301"));
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertEquals("", font.printable(null));
        assertEquals("", font.printable(""));
        assertEquals(0f, font.width(null, 10f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83E\uDD16\u200D\uD83D\uDCBB", "\u0000\u0001\u001F\u007F\u0085", "\uFFFF\uFFFE",
            "\uE000 private use", "\uD800", "\u202Eevil\u202C", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629"})
    void hostileTextCanAlwaysBeMeasuredAndDrawn(String hostile) throws IOException {
        String printable = font.printable(hostile);
        assertEquals(printable, font.printable(printable), "printable text is stable");
        assertTrue(font.width(hostile, 10f) >= 0f);
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            assertDoesNotThrow(() -> font.show(content, 10f, 50f, 700f, hostile));
        }
    }
}
