package io.trailkeeper.residency.entity;

import java.util.List;

/**
 * A residency catalog file that cannot be trusted: every problem found, each naming the file and line.
 * The catalogs decide whether data left the EU, so a malformed row, a duplicate code or an unknown
 * country stops loading altogether instead of being skipped.
 */
public class CatalogRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CatalogRejected(List<String> problems) {
        super("residency catalog rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
