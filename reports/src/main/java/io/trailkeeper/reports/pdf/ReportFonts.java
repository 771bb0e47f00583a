package io.trailkeeper.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The regular and bold faces a report writes with, embedded (as subsets) into one document.
 *
 * <p>PDF/A requires every font to be embedded, so the standard 14 fonts are not an option. The
 * TrueType files are DejaVu Sans Condensed from the {@code net.sf.jasperreports:jasperreports-fonts}
 * jar (DejaVu/Bitstream Vera licence, shipped inside that jar): condensed because audit tables have
 * many narrow columns, DejaVu because it covers Latin, Greek and Cyrillic scripts.
 */
public record ReportFonts(ReportFont regular, ReportFont bold) {

    private static final String FONT_DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String REGULAR_FILE = "DejaVuSansCondensed.ttf";
    private static final String BOLD_FILE = "DejaVuSansCondensed-Bold.ttf";

    // The font files never change at run time; keeping the bytes spares re-reading ~1.3 MB from the
    // jar for every report. Parsed fonts are not shared because PDFBox binds them to one document.
    private static final Map<String, byte[]> PROGRAMS = new ConcurrentHashMap<>();

    public ReportFonts {
        Objects.requireNonNull(regular, "regular");
        Objects.requireNonNull(bold, "bold");
    }

    /** Loads both faces into {@code document}; they are subset when the document is saved. */
    public static ReportFonts embedInto(PDDocument document) throws IOException {
        return new ReportFonts(load(document, REGULAR_FILE), load(document, BOLD_FILE));
    }

    private static ReportFont load(PDDocument document, String file) throws IOException {
        byte[] program;
        try {
            program = PROGRAMS.computeIfAbsent(file, ReportFonts::read);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(program));
        // PDFBox would otherwise apply the font's Latin ligatures (GSUB): "first" would be drawn with
        // one "fi" glyph and copy out of the PDF as U+FB01 + "rst", breaking search in the evidence,
        // and drawn widths would no longer match what TextFitter measured.
        ttf.setEnableGsub(false);
        // Loading from a TrueTypeFont leaves closing to us; the subsetter needs it until the save.
        document.registerTrueTypeFontForClosing(ttf);
        return new ReportFont(PDType0Font.load(document, ttf, true));
    }

    private static byte[] read(String file) {
        String resource = FONT_DIRECTORY + file;
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Font " + resource
                        + " is not on the classpath; the reports module needs "
                        + "net.sf.jasperreports:jasperreports-fonts at run time"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
