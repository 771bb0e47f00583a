package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.boundary.ImportCheckpoints;
import io.trailkeeper.ingest.entity.ImportCheckpoint;
import io.trailkeeper.ingest.entity.StoreOutcome;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.StepContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunCheckpointTest {

    private static final UUID RUN = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    private final Map<UUID, ImportCheckpoint> database = new HashMap<>();
    private final RunCheckpoint checkpoints = new RunCheckpoint(new InMemoryCheckpoints(database));
    private final Step step = new Step();

    @Test
    void aRunResumesFromTheCheckpointCommittedWithItsEventsEvenWhenTheBatchRuntimesIsBehind() {
        RunCheckpoint.readerAt(step, new LinePosition(4001, 4_123_456));
        checkpoints.chunkCommitted(RUN.toString(), "trail-file-import", step, new StoreOutcome(4000, 3990, 0, 10));

        LinePosition batchRuntimes = new LinePosition(2001, 2_061_728); // one chunk behind
        assertEquals(new LinePosition(4001, 4_123_456), checkpoints.readerResumesFrom(RUN.toString(), batchRuntimes));
        assertEquals(new StoreOutcome(4000, 3990, 0, 10), checkpoints.writerResumesWith(RUN.toString(), new StoreOutcome(2000, 1995, 0, 5)));
        assertEquals(new LinePosition(4001, 4_123_456), checkpoints.readerResumesFrom(RUN.toString(), null),
                "a run whose batch runtime lost every checkpoint still goes on where its events end");
    }

    @Test
    void eachChunkMovesTheCommittedCheckpointOn() {
        RunCheckpoint.readerAt(step, new LinePosition(3, 200));
        checkpoints.chunkCommitted(RUN.toString(), "trail-file-import", step, new StoreOutcome(2, 2, 0, 0));
        RunCheckpoint.readerAt(step, new LinePosition(5, 400));
        checkpoints.chunkCommitted(RUN.toString(), "trail-file-import", step, new StoreOutcome(4, 3, 1, 0));

        ImportCheckpoint stored = database.get(RUN);
        assertEquals(2, stored.chunks());
        assertEquals(new StoreOutcome(4, 3, 1, 0), stored.tally());
        assertEquals(new LinePosition(5, 400), RunCheckpoint.decode(stored.readerPosition()));
    }

    @Test
    void aRunWithNothingCommittedYetOrWithoutRunIdResumesFromTheBatchRuntimesCheckpoint() {
        LinePosition batchRuntimes = new LinePosition(2001, 2_061_728);
        assertEquals(batchRuntimes, checkpoints.readerResumesFrom(RUN.toString(), batchRuntimes));
        assertEquals(new StoreOutcome(7, 7, 0, 0), checkpoints.writerResumesWith(RUN.toString(), new StoreOutcome(7, 7, 0, 0)));
        assertEquals(StoreOutcome.NONE, checkpoints.writerResumesWith(RUN.toString(), null));

        assertEquals(batchRuntimes, checkpoints.readerResumesFrom(null, batchRuntimes), "a run started before run ids");
        RunCheckpoint.readerAt(step, new LinePosition(3, 200));
        checkpoints.chunkCommitted(" ", "trail-file-import", step, new StoreOutcome(2, 2, 0, 0));
        assertTrue(database.isEmpty(), "without a run id there is nothing to record it under");
    }

    @Test
    void pullPositionsKeepEveryPartIncludingAbsentOnes() {
        PullPosition first = PullPosition.start();
        PullPosition later = new PullPosition("eyJwYWdlIjozLCJsYXN0IjoiZjAwIn0=", 2, "obs-0005", 3, 6);
        assertEquals(first, RunCheckpoint.decode(RunCheckpoint.encode(first)));
        assertEquals(later, RunCheckpoint.decode(RunCheckpoint.encode(later)));
        PullPosition nonAscii = new PullPosition("curs\u00f6r-\u20ac-\ud83d\ude00", 0, "\u00e9t\u00e9", 1, 0);
        assertEquals(nonAscii, RunCheckpoint.decode(RunCheckpoint.encode(nonAscii)));
    }

    @Test
    void storedBytesThatAreNoPositionAreRefusedNotGuessedAt() {
        byte[] line = RunCheckpoint.encode(new LinePosition(3, 200));
        assertThrows(IllegalStateException.class, () -> RunCheckpoint.decode(Arrays.copyOf(line, line.length - 1)), "cut short");
        assertThrows(IllegalStateException.class, () -> RunCheckpoint.decode(Arrays.copyOf(line, line.length + 1)), "trailing bytes");
        byte[] unknown = line.clone();
        unknown[0] = 'X';
        assertThrows(IllegalStateException.class, () -> RunCheckpoint.decode(unknown));
        byte[] negativeLine = RunCheckpoint.encode(new LinePosition(3, 200));
        negativeLine[1] = (byte) 0x80; // the line number turns negative
        assertThrows(IllegalArgumentException.class, () -> RunCheckpoint.decode(negativeLine), "the position's own checks apply");
        assertThrows(IllegalArgumentException.class, () -> RunCheckpoint.encode("somewhere"));
    }

    @Test
    void aWriterWithoutItsReadersPositionFailsTheChunkInsteadOfRecordingNothing() {
        assertNull(step.getTransientUserData());
        assertThrows(IllegalStateException.class,
                () -> checkpoints.chunkCommitted(RUN.toString(), "trail-file-import", step, StoreOutcome.NONE));
        assertThrows(IllegalArgumentException.class, () -> checkpoints.readerResumesFrom("not-a-uuid", null));
    }

    @Test
    void encodingIsStable() {
        // Stored checkpoints outlive releases: the layout must not drift.
        assertArrayEquals(new byte[] {'L', 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, (byte) 200},
                RunCheckpoint.encode(new LinePosition(3, 200)));
    }

    /** Trailkeeper's database as far as checkpoints go. */
    private static final class InMemoryCheckpoints extends ImportCheckpoints {
        private final Map<UUID, ImportCheckpoint> rows;

        InMemoryCheckpoints(Map<UUID, ImportCheckpoint> rows) {
            this.rows = rows;
        }

        @Override
        public void chunkCommitted(UUID runId, String jobName, byte[] readerPosition, StoreOutcome tally) {
            rows.computeIfAbsent(runId, id -> new ImportCheckpoint(id, jobName))
                    .advance(readerPosition, tally, Instant.parse("2026-11-22T10:00:00Z"));
        }

        @Override
        public Optional<ImportCheckpoint> lastCommitted(UUID runId) {
            return Optional.ofNullable(rows.get(runId));
        }
    }

    /** The one part of a step's context that the checkpoint uses: its transient user data. */
    private static final class Step implements StepContext {
        private Object transientUserData;

        @Override public String getStepName() { return "import-lines"; }
        @Override public Object getTransientUserData() { return transientUserData; }
        @Override public void setTransientUserData(Object data) { transientUserData = data; }
        @Override public long getStepExecutionId() { return 1; }
        @Override public Properties getProperties() { return new Properties(); }
        @Override public Serializable getPersistentUserData() { return null; }
        @Override public void setPersistentUserData(Serializable data) { }
        @Override public BatchStatus getBatchStatus() { return BatchStatus.STARTED; }
        @Override public String getExitStatus() { return null; }
        @Override public void setExitStatus(String status) { }
        @Override public Exception getException() { return null; }
        @Override public Metric[] getMetrics() { return new Metric[0]; }
    }
}
