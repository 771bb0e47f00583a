package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.control.AgentActionLogFormat;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Turns a raw line into an audit event, or into a quarantine entry that says why it could not be one. */
@Named
@Dependent
public class AgentActionLineProcessor implements ItemProcessor {

    private final AgentActionLogFormat format = new AgentActionLogFormat();

    @Override
    public Object processItem(Object item) {
        return toRecord((RawLine) item, format);
    }

    static IngestRecord toRecord(RawLine line, AgentActionLogFormat format) {
        SourcePosition position = new SourcePosition(line.lineNumber(), line.byteOffset());
        if (line.truncated()) {
            return new IngestRecord.Malformed(position,
                    "line is " + line.originalLength() + " bytes long; the limit is " + line.bytes().length
                            + " bytes (trailkeeper.import.max-line-bytes)",
                    line.bytes(), line.originalLength());
        }
        ParsedRecord parsed = format.parse(line.bytes());
        if (parsed instanceof ParsedRecord.Accepted accepted) {
            return new IngestRecord.Event(position, accepted.draft());
        }
        return new IngestRecord.Malformed(position, ((ParsedRecord.Rejected) parsed).reason(),
                line.bytes(), line.originalLength());
    }
}
