package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.boundary.ImportCheckpoints;
import io.trailkeeper.ingest.entity.ImportCheckpoint;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.source.entity.PullCounts;
import io.trailkeeper.source.entity.SourcePull;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The checkpoint of an import or pull run that commits with the run's events, in Trailkeeper's own
 * database (see {@link ImportCheckpoints} for why the batch runtime's checkpoint is not enough).
 *
 * <p>The run is named by the job parameter {@value #RUN_ID}, a random UUID given when the run first
 * starts and passed on to every restart. The reader of the step tells where it stands after each item
 * ({@link #readerAt}); the writer records that position with the tally in the chunk's transaction
 * ({@link #chunkCommitted}); a restarted reader and writer resume from the recorded checkpoint when
 * there is one. Runs started before this checkpoint existed have no run id and resume from the batch
 * runtime's checkpoint as before.
 *
 * <p>Positions are stored in a small binary layout of their own, not by Java serialization, so
 * reading a checkpoint back never instantiates whatever classes its bytes might name.
 */
@Dependent
public class RunCheckpoint {

    /** The job parameter that names a run across its restarts. */
    public static final String RUN_ID = "runId";

    private static final byte LINE_POSITION = 'L';
    private static final byte PULL_POSITION = 'P';

    private final ImportCheckpoints checkpoints;

    @Inject
    public RunCheckpoint(ImportCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** @return a new run id for the job parameter {@value #RUN_ID} */
    public static String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** Called by a step's reader after each item: the position after it, which the writer records. */
    public static void readerAt(StepContext step, Serializable position) {
        step.setTransientUserData(position);
    }

    /**
     * @param batchCheckpoint the reader checkpoint the batch runtime restored, or null
     * @return where the reader resumes: the committed checkpoint of the run when there is one (it is
     *         never behind the batch runtime's, which commits after it), else the batch runtime's
     */
    public Serializable readerResumesFrom(String runId, Serializable batchCheckpoint) {
        return lastCommitted(runId).map(c -> (Serializable) decode(c.readerPosition())).orElse(batchCheckpoint);
    }

    /** @return the tally the writer resumes with, chosen like {@link #readerResumesFrom} */
    public StoreOutcome writerResumesWith(String runId, Serializable batchCheckpoint) {
        return lastCommitted(runId).map(ImportCheckpoint::tally)
                .orElse(batchCheckpoint instanceof StoreOutcome tally ? tally : StoreOutcome.NONE);
    }

    /** @return what the run has committed so far, across all its executions (none without a run id) */
    public StoreOutcome committed(String runId) {
        return lastCommitted(runId).map(ImportCheckpoint::tally).orElse(StoreOutcome.NONE);
    }

    /** @return what the run has committed so far, as its history records counts */
    public PullCounts committedCounts(SourcePull run) {
        StoreOutcome tally = committed(run.runId().map(Object::toString).orElse(null));
        return new PullCounts(tally.read(), tally.stored(), tally.duplicates(), tally.quarantined());
    }

    /** Records, in the chunk's transaction, that the run has committed up to where its reader stands. */
    public void chunkCommitted(String runId, String jobName, StepContext step, StoreOutcome tally) {
        UUID run = runId(runId);
        if (run == null) {
            return; // a run from before run ids: the batch runtime's checkpoint is all it has
        }
        Object position = step.getTransientUserData();
        if (position == null) {
            throw new IllegalStateException("the reader of " + jobName + " did not say where it stands");
        }
        checkpoints.chunkCommitted(run, jobName, encode(position), tally);
    }

    private Optional<ImportCheckpoint> lastCommitted(String runId) {
        UUID run = runId(runId);
        return run == null ? Optional.empty() : checkpoints.lastCommitted(run);
    }

    private static UUID runId(String runId) {
        if (runId == null || runId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(runId.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the job parameter '" + RUN_ID + "' is not a UUID");
        }
    }

    static byte[] encode(Object position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (position instanceof LinePosition line) {
                out.writeByte(LINE_POSITION);
                out.writeLong(line.nextLineNumber());
                out.writeLong(line.byteOffset());
            } else if (position instanceof PullPosition pull) {
                out.writeByte(PULL_POSITION);
                writeNullable(out, pull.pageCursor());
                out.writeInt(pull.nextIndex());
                writeNullable(out, pull.lastId());
                out.writeLong(pull.pageNumber());
                out.writeLong(pull.observationsBefore());
            } else {
                throw new IllegalArgumentException("no checkpoint layout for " + position.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte kind = in.readByte();
            Object position = switch (kind) {
                case LINE_POSITION -> new LinePosition(in.readLong(), in.readLong());
                case PULL_POSITION -> new PullPosition(readNullable(in), in.readInt(), readNullable(in), in.readLong(), in.readLong());
                default -> throw new IllegalStateException("a stored checkpoint has the unknown layout " + kind);
            };
            if (in.read() != -1) {
                throw new IllegalStateException("a stored checkpoint has bytes after its position");
            }
            return position;
        } catch (IOException e) {
            throw new IllegalStateException("a stored checkpoint is cut short", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value); // at most 65,535 bytes; longer fails loudly rather than being cut
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
