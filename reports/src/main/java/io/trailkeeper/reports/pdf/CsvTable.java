package io.trailkeeper.reports.pdf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A table as RFC 4180 CSV (UTF-8, CRLF line ends, a header row), the form auditors load into their own
 * tools to re-perform a test.
 *
 * <p>Values are written exactly as recorded: a value is quoted when it holds a comma, quote, CR or LF,
 * and quotes are doubled; nothing is trimmed, and no prefix is added against spreadsheet formulas,
 * because this file is evidence and must equal the data the report was built from. A null cell is
 * written as an empty field.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** The CSV bytes of {@code header} and {@code rows}; every row must have as many cells as the header. */
    public static byte[] of(List<String> header, List<? extends List<String>> rows) {
        Objects.requireNonNull(header, "header");
        StringBuilder out = new StringBuilder();
        appendRow(out, header, header.size());
        for (List<String> row : rows) {
            appendRow(out, row, header.size());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRow(StringBuilder out, List<String> cells, int width) {
        if (cells.size() != width) {
            throw new IllegalArgumentException("Row has " + cells.size() + " cells, header " + width);
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, cells.get(i));
        }
        out.append("\r\n");
    }

    private static void appendField(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
