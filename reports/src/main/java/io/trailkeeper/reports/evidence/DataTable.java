package io.trailkeeper.reports.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A population or exception list: named columns and rows of text cells, as shown in the PDF and written
 * to its attached CSV. A null cell means "not recorded" (an em dash on the page, an empty CSV field,
 * null in the JSON).
 */
public record DataTable(List<String> columns, List<List<String>> rows) {

    public DataTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (Objects.requireNonNull(row, "row").size() != columns.size()) {
                throw new IllegalArgumentException("Row of " + row.size() + " cells under " + columns.size() + " columns");
            }
            // List.copyOf would reject the null cells that stand for "not recorded".
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    public static DataTable empty(String... columns) {
        return new DataTable(List.of(columns), List.of());
    }
}
