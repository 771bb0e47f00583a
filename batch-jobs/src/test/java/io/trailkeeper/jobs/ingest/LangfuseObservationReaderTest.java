package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The job parameters as the reader takes them: defaults, bounds, and messages that say what is wrong. */
class LangfuseObservationReaderTest {

    @Test
    void numbersHaveDefaultsAndBounds() {
        assertEquals(100, LangfuseObservationReader.number("pageSize", null, 100, 1, 1000));
        assertEquals(100, LangfuseObservationReader.number("pageSize", " ", 100, 1, 1000));
        assertEquals(1000, LangfuseObservationReader.number("pageSize", " 1000 ", 100, 1, 1000));
        for (String bad : new String[] {"0", "1001", "ten", "1e3", "99999999999999999999"}) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> LangfuseObservationReader.number("pageSize", bad, 100, 1, 1000), bad);
            assertEquals("the job parameter 'pageSize' must be a whole number from 1 to 1000", failure.getMessage());
        }
    }

    @Test
    void fromStartTimeIsAnOptionalInstant() {
        assertNull(LangfuseObservationReader.instant("fromStartTime", ""));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), LangfuseObservationReader.instant("fromStartTime", "2026-11-01T00:00:00Z"));
        assertEquals("the job parameter 'fromStartTime' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z",
                assertThrows(IllegalArgumentException.class, () -> LangfuseObservationReader.instant("fromStartTime", "2026-11-01")).getMessage());
    }
}
