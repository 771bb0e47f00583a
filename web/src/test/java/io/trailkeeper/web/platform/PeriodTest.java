package io.trailkeeper.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    static final Clock AFTERNOON_OF_NOV_21 = Clock.fixed(Instant.parse("2026-11-21T15:30:00Z"), ZoneOffset.UTC);

    @Test
    void aDateIsReadAsMidnightUtc() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), Period.parse("from", "2026-11-01"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-01T08:00:00Z, 2026-11-01T08:00:00Z",
            "2026-11-01T08:00:00.250Z, 2026-11-01T08:00:00.250Z",
            "2026-11-01T09:00:00+01:00, 2026-11-01T08:00:00Z",
            "' 2026-11-01T08:00:00Z ', 2026-11-01T08:00:00Z"
    })
    void anInstantIsReadAsGiven(String text, String expected) {
        assertEquals(Instant.parse(expected), Period.parse("from", text));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aMissingValueIsNull(String missing) {
        assertNull(Period.parse("from", missing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-02-30", "01.11.2026", "11/01/2026", "2026-11-01 08:00", "1730419200"})
    void unreadableTextIsRejectedExplainingTheIso8601Format(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("from", text));

        assertTrue(e.getMessage().contains("ISO-8601"), e.getMessage());
        assertTrue(e.getMessage().contains("'from'"), "names the parameter: " + e.getMessage());
    }

    @Test
    void consecutiveDatesMakeExactlyOneDay() {
        Period period = Period.parseOrLastDays("2026-11-01", "2026-11-02", 7, AFTERNOON_OF_NOV_21);

        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), period.from());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), period.to());
        assertEquals(Duration.ofDays(1), period.length());
    }

    @Test
    void fromAfterToIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Period.parseOrLastDays("2026-11-02", "2026-11-01", 7, AFTERNOON_OF_NOV_21));
    }

    @Test
    void fromEqualToIsRejectedBecauseToIsExclusive() {
        assertThrows(IllegalArgumentException.class,
                () -> Period.parseOrLastDays("2026-11-01", "2026-11-01", 7, AFTERNOON_OF_NOV_21));
    }

    @Test
    void theLastSevenDaysEndAtTheStartOfTomorrowUtcAndSpanSevenDays() {
        Period period = Period.lastDays(7, AFTERNOON_OF_NOV_21);

        assertEquals(Instant.parse("2026-11-22T00:00:00Z"), period.to());
        assertEquals(Instant.parse("2026-11-15T00:00:00Z"), period.from());
        assertEquals(Duration.ofDays(7), period.length());
    }

    @Test
    void theLastDaysAreCountedInUtcWhateverTheClocksZone() {
        // 15:30 UTC on the 21st is already the 22nd in Auckland; the trail's days are UTC days.
        Clock auckland = AFTERNOON_OF_NOV_21.withZone(ZoneId.of("Pacific/Auckland"));

        assertEquals(Period.lastDays(7, AFTERNOON_OF_NOV_21), Period.lastDays(7, auckland));
    }

    @Test
    void withNeitherEndTheLastDaysAreUsed() {
        assertEquals(Period.lastDays(30, AFTERNOON_OF_NOV_21), Period.parseOrLastDays(null, null, 30, AFTERNOON_OF_NOV_21));
        assertEquals(Period.lastDays(30, AFTERNOON_OF_NOV_21), Period.parseOrLastDays(" ", "", 30, AFTERNOON_OF_NOV_21));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "2026-11-01, null",
            "null, 2026-11-02",
            "2026-11-01, ''",
            "'', 2026-11-02"
    })
    void onlyOneEndIsRejected(String from, String to) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Period.parseOrLastDays(from, to, 7, AFTERNOON_OF_NOV_21));

        assertTrue(e.getMessage().contains("both"), e.getMessage());
    }
}
