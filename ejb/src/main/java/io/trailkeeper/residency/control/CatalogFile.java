package io.trailkeeper.residency.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One residency catalog file as written in the repository: comment lines ({@code #}) carrying the
 * {@code catalog-version} and {@code catalog-date}, a header naming exactly the expected columns, and
 * comma-separated rows (RFC 4180 quoting with {@code "}; no line breaks inside a field). Every problem
 * is added to the caller's list with file name and line, so one run reports all of them.
 */
final class CatalogFile {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*(catalog-version|catalog-date):\\s*(\\S+)\\s*$");

    /** A data row: its line number and its fields by column name. */
    record Row(String file, int line, Map<String, String> fields) {

        String get(String column) {
            return fields.get(column);
        }

        String where() {
            return file + ":" + line;
        }
    }

    final String name;
    final String version;
    final LocalDate date;
    final List<Row> rows;

    private CatalogFile(String name, String version, LocalDate date, List<Row> rows) {
        this.name = name;
        this.version = version;
        this.date = date;
        this.rows = rows;
    }

    static CatalogFile parse(String name, Reader source, List<String> columns, List<String> problems) {
        String version = null;
        String dateText = null;
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        try (BufferedReader in = new BufferedReader(source)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    Matcher directive = DIRECTIVE.matcher(line);
                    if (directive.matches() && directive.group(1).equals("catalog-version")) {
                        version = directive.group(2);
                    } else if (directive.matches()) {
                        dateText = directive.group(2);
                    }
                    continue;
                }
                List<String> fields = split(line);
                String where = name + ":" + lineNumber;
                if (fields == null) {
                    problems.add(where + ": unterminated quoted field");
                } else if (!headerSeen) {
                    headerSeen = true;
                    if (!fields.equals(columns)) {
                        problems.add(where + ": header must be " + String.join(",", columns) + " but is " + line);
                        return new CatalogFile(name, version, null, List.of());
                    }
                } else if (fields.size() != columns.size()) {
                    problems.add(where + ": expected " + columns.size() + " fields, found " + fields.size());
                } else {
                    Map<String, String> byColumn = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        byColumn.put(columns.get(i), fields.get(i).trim());
                    }
                    rows.add(new Row(name, lineNumber, byColumn));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading residency catalog " + name, e);
        }
        if (!headerSeen) {
            problems.add(name + ": no header row");
        }
        if (version == null) {
            problems.add(name + ": no '# catalog-version:' line");
        }
        LocalDate date = null;
        if (dateText == null) {
            problems.add(name + ": no '# catalog-date:' line");
        } else {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add(name + ": catalog-date '" + dateText + "' is not an ISO date");
            }
        }
        return new CatalogFile(name, version, date, List.copyOf(rows));
    }

    /** Splits one CSV line; null when a quote is left open. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
