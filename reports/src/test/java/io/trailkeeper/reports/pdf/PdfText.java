package io.trailkeeper.reports.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a rendered PDF back the way a person would see it: page by page, in reading order. */
public final class PdfText {

    private final List<String> pages;
    private final List<List<TextPosition>> glyphs;

    private PdfText(List<String> pages, List<List<TextPosition>> glyphs) {
        this.pages = pages;
        this.glyphs = glyphs;
    }

    public static PdfText of(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            List<List<TextPosition>> glyphs = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                List<TextPosition> positions = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
                        positions.addAll(textPositions);
                        super.writeString(text, textPositions);
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
                glyphs.add(positions);
            }
            return new PdfText(List.copyOf(pages), List.copyOf(glyphs));
        }
    }

    public int pageCount() {
        return pages.size();
    }

    /** Text of page {@code number}, 1-based. */
    public String page(int number) {
        return pages.get(number - 1);
    }

    /** Glyphs (with positions) of page {@code number}, 1-based. */
    public List<TextPosition> glyphs(int number) {
        return glyphs.get(number - 1);
    }

    public String all() {
        return String.join("\n", pages);
    }

    /** Lines of page {@code number} containing {@code fragment}. */
    public List<String> linesContaining(int number, String fragment) {
        return page(number).lines().filter(line -> line.contains(fragment)).toList();
    }
}
