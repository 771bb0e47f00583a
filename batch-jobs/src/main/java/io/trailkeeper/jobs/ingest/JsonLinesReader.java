package io.trailkeeper.jobs.ingest;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import io.trailkeeper.ingest.entity.IngestRecord;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

/**
 * Reads a JSON-lines file line by line and decodes each line in the format of its source (see
 * {@link TrailLineDecoding}), ahead of the chunk being written (see {@link LineReadAhead}). Its
 * checkpoint is the byte offset after the last line of the committed chunk, so a restart neither
 * re-reads nor skips a line, whatever the file's size; it is also recorded with the chunk's events
 * (see {@link RunCheckpoint}), where a restart looks first.
 */
@Named
@Dependent
public class JsonLinesReader extends AbstractItemReader {

    /** Lines decoded ahead: about two chunks, so the next chunk is ready when the current one commits. */
    static final int LINES_AHEAD = 8_000;
    /** Line bytes waiting ahead at most, whatever the line limit. */
    static final int BYTES_AHEAD = 32 * 1024 * 1024;

    private final String file;
    private final String format;
    private final ImportLimits limits;
    private final ManagedThreadFactory threads;
    private final String runId;
    private final RunCheckpoint checkpoints;
    private final StepContext step;
    private LineReadAhead lines;

    @Inject
    public JsonLinesReader(@BatchProperty(name = "file") String file, @BatchProperty(name = "format") String format,
                           @BatchProperty(name = RunCheckpoint.RUN_ID) String runId,
                           ImportLimits limits, ReadAheadThreads threads, RunCheckpoint checkpoints, StepContext step) {
        this.file = file;
        this.format = format;
        this.runId = runId;
        this.limits = limits;
        this.threads = threads.factory();
        this.checkpoints = checkpoints;
        this.step = step;
    }

    @Override
    public void open(Serializable checkpoint) throws IOException {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("the job parameter 'file' is missing");
        }
        Function<RawLine, List<IngestRecord>> decoding = TrailLineDecoding.forFormat(format);
        Serializable resumeFrom = checkpoints.readerResumesFrom(runId, checkpoint);
        LinePosition from = resumeFrom instanceof LinePosition position ? position : LinePosition.start();
        lines = LineReadAhead.start(JsonLinesCursor.open(Path.of(file), from, limits.maxLineBytes()), decoding, threads,
                LINES_AHEAD, BYTES_AHEAD);
    }

    /** @return the records of the next line (one per span for OTLP lines), or {@code null} at the end */
    @Override
    public Object readItem() throws IOException {
        Object records = lines.next();
        RunCheckpoint.readerAt(step, lines.position());
        return records;
    }

    @Override
    public Serializable checkpointInfo() {
        return lines.position();
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }
}
