package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportStatusTest {

    static ImportStatus withStatus(String status) {
        return new ImportStatus(1, status, "support-bot logs", "JSONL_FILE", "trail.jsonl",
                Instant.parse("2026-11-21T12:00:00Z"), null, 10, 8, 1, 1, null, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPLETED", "FAILED", "STOPPED", "ABANDONED"})
    void anImportThatWillNotChangeAnyMoreIsFinished(String status) {
        assertTrue(withStatus(status).finished());
    }

    @ParameterizedTest
    @ValueSource(strings = {"STARTING", "STARTED", "STOPPING"})
    void anImportStillUnderWayIsNotFinished(String status) {
        assertFalse(withStatus(status).finished());
    }
}
