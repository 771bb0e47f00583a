package io.trailkeeper.jobs.ingest;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Reads a JSON-lines file line by line. Its checkpoint is the byte offset after the last line of the
 * committed chunk, so a restart neither re-reads nor skips a line, whatever the file's size.
 */
@Named
@Dependent
public class JsonLinesReader extends AbstractItemReader {

    private final String file;
    private final ImportLimits limits;
    private JsonLinesCursor cursor;

    @Inject
    public JsonLinesReader(@BatchProperty(name = "file") String file, ImportLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    @Override
    public void open(Serializable checkpoint) throws IOException {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("the job parameter 'file' is missing");
        }
        LinePosition from = checkpoint instanceof LinePosition position ? position : LinePosition.start();
        cursor = JsonLinesCursor.open(Path.of(file), from, limits.maxLineBytes());
    }

    @Override
    public Object readItem() throws IOException {
        return cursor.next();
    }

    @Override
    public Serializable checkpointInfo() {
        return cursor.position();
    }

    @Override
    public void close() throws IOException {
        if (cursor != null) {
            cursor.close();
        }
    }
}
