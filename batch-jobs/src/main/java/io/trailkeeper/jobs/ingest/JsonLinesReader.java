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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.StoredIdsLookup;
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

    /**
     * Lines decoded ahead: one chunk (the job's item-count), so the next chunk is ready when the current
     * one commits. Not more: every line waiting here is live data that each young collection copies,
     * and decoding is faster than storing, so a deeper queue only made the collector's pauses, during
     * which the database gets no rows, longer (bench/RESULTS.md, session 7).
     */
    static final int LINES_AHEAD = 4_000;
    /** Lines whose event ids are looked up together ahead of their chunk. */
    static final int LOOKUP_LINES = 1000;
    private static final Logger LOG = Logger.getLogger(JsonLinesReader.class.getName());
    /** Line bytes waiting ahead at most, whatever the line limit. */
    static final int BYTES_AHEAD = 32 * 1024 * 1024;

    private final String file;
    private final String format;
    private final ImportLimits limits;
    private final ManagedThreadFactory threads;
    private final String runId;
    private final RunCheckpoint checkpoints;
    private final StepContext step;
    private final UUID sourceId;
    private final TrailIngestion ingestion;
    private LineReadAhead lines;

    @Inject
    public JsonLinesReader(@BatchProperty(name = "file") String file, @BatchProperty(name = "format") String format,
                           @BatchProperty(name = RunCheckpoint.RUN_ID) String runId, @BatchProperty(name = "sourceId") String sourceId,
                           ImportLimits limits, ReadAheadThreads threads, RunCheckpoint checkpoints, StepContext step,
                           TrailIngestion ingestion) {
        this.file = file;
        this.format = format;
        this.runId = runId;
        this.sourceId = sourceId == null || sourceId.isBlank() ? null : UUID.fromString(sourceId);
        this.ingestion = ingestion;
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
        // Imports started before sources existed (no sourceId) stored unkeyed ids; a restart keeps them.
        LineDigest lineIds = sourceId == null ? LineDigest.UNKEYED : ingestion.lineIdsOf(sourceId);
        Function<RawLine, List<IngestRecord>> decoding = TrailLineDecoding.forFormat(format, lineIds);
        Serializable resumeFrom = checkpoints.readerResumesFrom(runId, checkpoint);
        LinePosition from = resumeFrom instanceof LinePosition position ? position : LinePosition.start();
        lines = LineReadAhead.start(JsonLinesCursor.open(Path.of(file), from, limits.maxLineBytes()), decoding,
                this::withStoredIdsLookedUp, LOOKUP_LINES, threads, LINES_AHEAD, BYTES_AHEAD);
    }

    /**
     * Looks up which of a batch's event ids the source already holds, on the reading thread, so that the
     * chunk storing them need not do it under the source's lock (see
     * {@link TrailIngestion#store(UUID, Long, List, io.trailkeeper.ingest.store.control.RecentWrites)}).
     * Without a look-up (an H2 database, a failed query) the chunk looks the ids up itself.
     */
    private List<Object> withStoredIdsLookedUp(List<Object> items) {
        if (sourceId == null) {
            return items;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object item : items) {
            for (Object record : (List<?>) item) {
                if (record instanceof IngestRecord.Event event) {
                    ids.add(event.draft().sourceEventId());
                }
            }
        }
        Optional<StoredIdsLookup> lookup;
        try {
            lookup = ids.isEmpty() ? Optional.empty() : ingestion.lookUpStoredIds(sourceId, ids);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, () -> "looking up stored event ids ahead failed (" + e.getClass().getName() + "); the chunks will look them up");
            return items;
        }
        if (lookup.isEmpty()) {
            return items;
        }
        List<Object> looked = new ArrayList<>(items.size());
        for (Object item : items) {
            List<?> records = (List<?>) item;
            List<IngestRecord> withLookup = new ArrayList<>(records.size());
            for (Object record : records) {
                withLookup.add(record instanceof IngestRecord.Event event ? event.withLookup(lookup.get()) : (IngestRecord) record);
            }
            looked.add(withLookup);
        }
        return looked;
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
