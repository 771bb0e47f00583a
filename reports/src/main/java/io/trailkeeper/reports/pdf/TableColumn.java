package io.trailkeeper.reports.pdf;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a {@link TableWriter} table over rows of type {@code R}.
 *
 * @param header         header cell text (wraps onto up to two lines)
 * @param relativeWidth  share of the table width, relative to the other columns' weights
 * @param alignment      placement of the text in header and body cells
 * @param maxLines       lines a body cell may wrap onto before it is cut with an ellipsis
 * @param value          the cell text for a row; {@code null} is shown as {@link TableWriter#NO_VALUE}
 */
public record TableColumn<R>(String header, float relativeWidth, Alignment alignment, int maxLines,
                             Function<? super R, String> value) {

    public TableColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(value, "value");
        if (!(relativeWidth > 0f) || Float.isInfinite(relativeWidth)) {
            throw new IllegalArgumentException("relativeWidth must be positive: " + relativeWidth);
        }
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1: " + maxLines);
        }
    }

    /** A left-aligned, single-line column: the usual choice for text. */
    public static <R> TableColumn<R> left(String header, float relativeWidth,
                                          Function<? super R, String> value) {
        return new TableColumn<>(header, relativeWidth, Alignment.LEFT, 1, value);
    }

    /** A right-aligned, single-line column: the usual choice for numbers. */
    public static <R> TableColumn<R> right(String header, float relativeWidth,
                                           Function<? super R, String> value) {
        return new TableColumn<>(header, relativeWidth, Alignment.RIGHT, 1, value);
    }

    /** A centred, single-line column, e.g. for short flags like yes/no. */
    public static <R> TableColumn<R> center(String header, float relativeWidth,
                                            Function<? super R, String> value) {
        return new TableColumn<>(header, relativeWidth, Alignment.CENTER, 1, value);
    }

    /** The same column, allowing body cells to wrap onto up to {@code lines} lines. */
    public TableColumn<R> wrapping(int lines) {
        return new TableColumn<>(header, relativeWidth, alignment, lines, value);
    }
}
