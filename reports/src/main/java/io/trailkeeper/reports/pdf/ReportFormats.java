package io.trailkeeper.reports.pdf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values are written in every report, so an auditor comparing two reports sees the same notation.
 * Times are always UTC with seconds (evidence is compared across time zones and with log files) and
 * numbers never depend on the server's locale.
 */
public final class ReportFormats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportFormats() {
    }

    /** "2026-02-01 13:05:09 UTC". */
    public static String utcDateTime(Instant instant) {
        return DATE_TIME.format(instant) + " UTC";
    }

    /** "2026-02-01 13:05:09", for table cells whose column header already says UTC; null stays null. */
    public static String utcDateTimeCell(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant);
    }

    /** "yes", "no", or null when unknown (shown as the table's empty-cell mark). */
    public static String yesNo(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }

    /** A count without grouping separators, which read ambiguously across locales. */
    public static String count(long count) {
        return Long.toString(count);
    }

    /** {@code part} as a percentage of {@code whole} with one decimal, e.g. "12.5 %"; null if whole is 0. */
    public static String percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return String.format(Locale.ROOT, "%.1f %%", part * 100.0 / whole);
    }
}
