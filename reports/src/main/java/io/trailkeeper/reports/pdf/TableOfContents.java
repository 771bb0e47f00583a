package io.trailkeeper.reports.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * A table of contents for a document whose body is already laid out, and the matching bookmarks.
 *
 * <p>A section's page is only known once it has been written, so entries are collected while the body
 * flows ({@link #mark}) and the contents pages are inserted afterwards, after the title page; the page
 * numbers printed are the final ones, counted after the insertion. Each entry is one line: the label
 * (cut with an ellipsis if too long), a dot leader and the page number, which is never cut.
 */
public final class TableOfContents {

    private static final float HEADING_SIZE = 14f;
    private static final float ENTRY_SIZE = 10f;
    private static final float LEADING = 17f;
    private static final float HEADING_BLOCK = HEADING_SIZE * 1.5f + 10f;

    private record Entry(String label, PDPage page) {
    }

    private final String heading;
    private final List<Entry> entries = new ArrayList<>();

    public TableOfContents(String heading) {
        this.heading = Objects.requireNonNull(heading, "heading");
    }

    /** Records {@code label} as starting on the document's last page, where the flow is writing now. */
    public void mark(PDDocument document, String label) {
        entries.add(new Entry(Objects.requireNonNull(label, "label"),
                document.getPage(document.getNumberOfPages() - 1)));
    }

    /** Pages the contents take with {@code geometry}; at least one, even with no entries. */
    public int pagesNeeded(PageGeometry geometry) {
        int first = perPage(geometry.contentHeight() - HEADING_BLOCK);
        if (entries.size() <= first) {
            return 1;
        }
        int perPage = perPage(geometry.contentHeight());
        return 1 + (entries.size() - first + perPage - 1) / perPage;
    }

    /**
     * Inserts the contents pages after page {@code afterPage} (0-based) and adds one bookmark per entry.
     * Call it after the body is complete and before {@link PageFrame#stamp}, which counts these pages too.
     */
    public void insert(PDDocument document, ReportFonts fonts, PageGeometry geometry, int afterPage)
            throws IOException {
        List<PDPage> pages = new ArrayList<>();
        PDPage previous = document.getPage(afterPage);
        for (int i = 0; i < pagesNeeded(geometry); i++) {
            PDPage page = new PDPage(geometry.mediaBox());
            document.getPages().insertAfter(page, previous);
            pages.add(page);
            previous = page;
        }
        int next = 0;
        for (int p = 0; p < pages.size(); p++) {
            try (PDPageContentStream content = new PDPageContentStream(document, pages.get(p))) {
                float y = geometry.contentTop();
                if (p == 0) {
                    fonts.bold().show(content, HEADING_SIZE, geometry.contentLeft(),
                            y - fonts.bold().ascent(HEADING_SIZE), heading);
                    y -= HEADING_BLOCK;
                }
                for (; next < entries.size() && y - LEADING >= geometry.contentBottom(); next++) {
                    Entry entry = entries.get(next);
                    line(content, fonts.regular(), geometry, y - fonts.regular().ascent(ENTRY_SIZE),
                            entry.label(), document.getPages().indexOf(entry.page()) + 1);
                    y -= LEADING;
                }
            }
        }
        bookmark(document);
    }

    private static void line(PDPageContentStream content, ReportFont font, PageGeometry geometry,
                             float baseline, String label, int pageNumber) throws IOException {
        String number = Integer.toString(pageNumber);
        float numberWidth = font.width(number, ENTRY_SIZE);
        float gap = font.width(" . . ", ENTRY_SIZE);
        String shown = TextFitter.truncate(font, ENTRY_SIZE, geometry.contentWidth() - numberWidth - gap, label);
        float labelRight = geometry.contentLeft() + font.width(shown, ENTRY_SIZE);
        float numberLeft = geometry.contentRight() - numberWidth;
        font.show(content, ENTRY_SIZE, geometry.contentLeft(), baseline, shown);
        float dotWidth = font.width(" .", ENTRY_SIZE);
        int dots = (int) ((numberLeft - labelRight - font.width(" ", ENTRY_SIZE)) / dotWidth);
        if (dots > 0) {
            String leader = " .".repeat(dots);
            font.show(content, ENTRY_SIZE, numberLeft - font.width(" ", ENTRY_SIZE) - font.width(leader, ENTRY_SIZE),
                    baseline, leader);
        }
        font.show(content, ENTRY_SIZE, numberLeft, baseline, number);
    }

    private void bookmark(PDDocument document) {
        PDDocumentOutline outline = new PDDocumentOutline();
        for (Entry entry : entries) {
            PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
            destination.setPage(entry.page());
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(entry.label());
            item.setDestination(destination);
            outline.addLast(item);
        }
        document.getDocumentCatalog().setDocumentOutline(outline);
    }

    private static int perPage(float height) {
        return Math.max(1, (int) (height / LEADING));
    }
}
