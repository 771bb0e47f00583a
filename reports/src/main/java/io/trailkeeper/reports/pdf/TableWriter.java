package io.trailkeeper.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a table into a {@link PageFlow}: columns share the content width by their relative weights,
 * rows never split across pages, and the header row is repeated at the top of every page the table
 * continues on, so each printed page can be read on its own.
 *
 * <p>Cell text is made printable, wrapped up to the column's line limit and cut with an ellipsis, so
 * no value can overflow into the next column. A {@code null} cell shows {@link #NO_VALUE}.
 */
public final class TableWriter {

    /** Shown for a missing value; an em dash is the convention readers recognise as "not recorded". */
    public static final String NO_VALUE = "\u2014";

    private static final int HEADER_MAX_LINES = 2;
    private static final float HEADER_RULE_WIDTH = 0.8f;
    private static final float ROW_RULE_WIDTH = 0.3f;

    private final ReportFonts fonts;
    private final TableStyle style;

    public TableWriter(ReportFonts fonts, TableStyle style) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.style = Objects.requireNonNull(style, "style");
    }

    /** Draws the header and all {@code rows} across the full content width. */
    public <R> void write(PageFlow flow, List<TableColumn<R>> columns, List<? extends R> rows)
            throws IOException {
        write(flow, columns, rows, flow.geometry().contentWidth());
    }

    /**
     * Draws the header and all {@code rows} in a table {@code tableWidth} points wide, starting at the
     * left content edge; with no rows only the header is drawn.
     */
    public <R> void write(PageFlow flow, List<TableColumn<R>> columns, List<? extends R> rows,
                          float tableWidth) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        if (!(tableWidth > 0f) || tableWidth > flow.geometry().contentWidth()) {
            throw new IllegalArgumentException("tableWidth must be within the content width: " + tableWidth);
        }
        float[] widths = columnWidths(columns, tableWidth);

        List<List<String>> header = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            header.add(fit(fonts.bold(), columns.get(c).header(), widths[c], HEADER_MAX_LINES));
        }
        float headerHeight = height(header);

        // Keep the header together with the first row: a header alone at the foot of a page helps nobody.
        List<List<String>> first = rows.isEmpty() ? null : cells(columns, widths, rows.get(0));
        flow.ensureSpace(headerHeight + (first == null ? 0f : height(first)));
        drawRow(flow, columns, widths, header, fonts.bold(), style.headerBackground(), HEADER_RULE_WIDTH);

        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = r == 0 ? first : cells(columns, widths, rows.get(r));
            float rowHeight = height(cells);
            if (!flow.fits(rowHeight)) {
                flow.newPage();
                drawRow(flow, columns, widths, header, fonts.bold(), style.headerBackground(),
                        HEADER_RULE_WIDTH);
            }
            Color background = r % 2 == 1 ? style.stripeBackground() : null;
            drawRow(flow, columns, widths, cells, fonts.regular(), background, ROW_RULE_WIDTH);
        }
    }

    private static <R> float[] columnWidths(List<TableColumn<R>> columns, float tableWidth) {
        float weights = 0f;
        for (TableColumn<R> column : columns) {
            weights += column.relativeWidth();
        }
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = tableWidth * columns.get(c).relativeWidth() / weights;
        }
        return widths;
    }

    private static float sum(float[] widths) {
        float total = 0f;
        for (float width : widths) {
            total += width;
        }
        return total;
    }

    private <R> List<List<String>> cells(List<TableColumn<R>> columns, float[] widths, R row) {
        List<List<String>> cells = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            TableColumn<R> column = columns.get(c);
            String value = row == null ? null : column.value().apply(row);
            cells.add(fit(fonts.regular(), value == null ? NO_VALUE : value, widths[c], column.maxLines()));
        }
        return cells;
    }

    private List<String> fit(ReportFont font, String text, float columnWidth, int maxLines) {
        float textWidth = Math.max(0f, columnWidth - 2 * style.cellPadding());
        return TextFitter.wrap(font, style.fontSize(), textWidth, text, maxLines);
    }

    private float height(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * style.leading() + 2 * style.cellPadding();
    }

    private <R> void drawRow(PageFlow flow, List<TableColumn<R>> columns, float[] widths,
                             List<List<String>> cells, ReportFont font, Color background,
                             float ruleWidth) throws IOException {
        PDPageContentStream content = flow.content();
        PageGeometry geometry = flow.geometry();
        float top = flow.y();
        float rowHeight = height(cells);
        float bottom = top - rowHeight;

        if (background != null) {
            content.setNonStrokingColor(background);
            content.addRect(geometry.contentLeft(), bottom, sum(widths), rowHeight);
            content.fill();
        }

        content.setNonStrokingColor(Color.BLACK);
        float size = style.fontSize();
        float firstBaseline = top - style.cellPadding() - font.ascent(size)
                - (style.leading() - size) / 2f;
        float x = geometry.contentLeft();
        for (int c = 0; c < cells.size(); c++) {
            float left = x + style.cellPadding();
            float right = x + widths[c] - style.cellPadding();
            List<String> lines = cells.get(c);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                float lineX = switch (columns.get(c).alignment()) {
                    case LEFT -> left;
                    case RIGHT -> right - font.width(line, size);
                    case CENTER -> (left + right - font.width(line, size)) / 2f;
                };
                font.show(content, size, lineX, firstBaseline - i * style.leading(), line);
            }
            x += widths[c];
        }

        content.setStrokingColor(style.ruleColor());
        content.setLineWidth(ruleWidth);
        content.moveTo(geometry.contentLeft(), bottom);
        content.lineTo(geometry.contentLeft() + sum(widths), bottom);
        content.stroke();
        flow.advance(rowHeight);
    }
}
