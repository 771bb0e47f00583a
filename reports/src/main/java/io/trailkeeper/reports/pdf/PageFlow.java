package io.trailkeeper.reports.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Lays content out top to bottom, adding pages as it runs out of room.
 *
 * <p>It keeps one "cursor" (the y coordinate of the next free line) and the content stream of the
 * current page. Writers ask {@link #fits(float)} before drawing a block and call {@link #newPage()} when
 * it does not fit, so breaks fall between rows and paragraphs' lines, never through them. Closing the
 * flow closes the last page's stream and guarantees the document has at least one page.
 */
public final class PageFlow implements Closeable {

    private final PDDocument document;
    private final PageGeometry geometry;
    private PDPageContentStream content;
    private float y;

    public PageFlow(PDDocument document, PageGeometry geometry) {
        this.document = Objects.requireNonNull(document, "document");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
    }

    public PageGeometry geometry() {
        return geometry;
    }

    /** The content stream of the current page, starting the first page if none exists yet. */
    public PDPageContentStream content() throws IOException {
        if (content == null) {
            newPage();
        }
        return content;
    }

    /** The y coordinate of the top of the free space on the current page. */
    public float y() {
        return y;
    }

    /** Moves the cursor down; used after drawing a block of {@code height} points. */
    public void advance(float height) {
        y -= height;
    }

    /** True if a block of {@code height} points still fits on the current page. */
    public boolean fits(float height) {
        return content != null && y - height >= geometry.contentBottom();
    }

    /** True if nothing has been drawn on the current page yet. */
    public boolean atTopOfPage() {
        return content != null && y >= geometry.contentTop();
    }

    /** Starts a new page unless the block fits here or the page is still empty (it would not fit anywhere). */
    public void ensureSpace(float height) throws IOException {
        if (content == null || (!fits(height) && !atTopOfPage())) {
            newPage();
        }
    }

    public void newPage() throws IOException {
        closeContent();
        PDPage page = new PDPage(geometry.mediaBox());
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = geometry.contentTop();
    }

    /** Leaves vertical space, unless at the top of a page where space would only shift the content down. */
    public void space(float height) throws IOException {
        if (content == null || atTopOfPage()) {
            return;
        }
        if (fits(height)) {
            advance(height);
        } else {
            newPage();
        }
    }

    /**
     * Writes a heading, first moving to a new page if less than {@code keepWithNext} points would be
     * left below it, so a heading never ends up alone at the foot of a page.
     */
    public void heading(String text, ReportFont font, float size, float keepWithNext) throws IOException {
        float height = size * 1.5f;
        ensureSpace(height + keepWithNext);
        String line = TextFitter.truncate(font, size, geometry.contentWidth(), text);
        font.show(content, size, geometry.contentLeft(), y - font.ascent(size), line);
        advance(height);
    }

    /**
     * Writes {@code text} as a paragraph across the content width, wrapping at spaces and breaking
     * pages between lines.
     */
    public void paragraph(String text, ReportFont font, float size) throws IOException {
        float leading = size * 1.3f;
        List<String> lines = TextFitter.wrap(font, size, geometry.contentWidth(), text, Integer.MAX_VALUE);
        for (String line : lines) {
            ensureSpace(leading);
            font.show(content, size, geometry.contentLeft(), y - font.ascent(size), line);
            advance(leading);
        }
    }

    @Override
    public void close() throws IOException {
        if (content == null) {
            newPage();
        }
        closeContent();
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
