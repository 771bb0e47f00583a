package io.trailkeeper.reports.audittrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditTrailSummaryFileNameTest {

    @ParameterizedTest(name = "{0} .. {1} -> {2}")
    @CsvSource({
            "2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z, audit-trail-summary_2026-02-01_2026-03-01.pdf",
            "2026-02-01T00:00:00Z, 2026-02-01T15:30:00Z, audit-trail-summary_2026-02-01_2026-02-01T1530.pdf",
            "2026-01-31T23:00:00Z, 2026-02-28T23:00:00Z, audit-trail-summary_2026-01-31T2300_2026-02-28T2300.pdf",
            "2026-02-01T08:05:59Z, 2026-02-02T00:00:00Z, audit-trail-summary_2026-02-01T0805_2026-02-02.pdf",
    })
    void namesTheUtcPeriodWithTimesOnlyWhereNeeded(Instant start, Instant end, String expected) {
        AuditTrailSummary summary = new AuditTrailSummary(start, end, AuditTrailFixtures.GENERATED_AT,
                "alice", 0, List.of(), List.of(), List.of(), AuditTrailFixtures.SOURCE);

        assertEquals(expected, AuditTrailSummaryPdf.fileName(summary));
    }
}
