package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReportFormatsTest {

    @Test
    void timesAreUtcWithSeconds() {
        Instant instant = Instant.parse("2026-02-01T23:59:58.999Z");
        assertEquals("2026-02-01 23:59:58 UTC", ReportFormats.utcDateTime(instant));
        assertEquals("2026-02-01 23:59:58", ReportFormats.utcDateTimeCell(instant));
        assertNull(ReportFormats.utcDateTimeCell(null));
    }

    @Test
    void percentagesIgnoreTheServerLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("33.3 %", ReportFormats.percent(1, 3));
            assertEquals("100.0 %", ReportFormats.percent(5, 5));
            assertNull(ReportFormats.percent(0, 0));
            assertEquals("1234567", ReportFormats.count(1_234_567));
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void yesNoKeepsUnknownApart() {
        assertEquals("yes", ReportFormats.yesNo(true));
        assertEquals("no", ReportFormats.yesNo(false));
        assertNull(ReportFormats.yesNo(null));
    }
}
