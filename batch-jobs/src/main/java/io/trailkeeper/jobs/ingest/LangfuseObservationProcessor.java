package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.format.langfuse.control.LangfuseObservationFormat;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/**
 * Turns one pulled observation into the record to store: an event, or a quarantine entry that says
 * which page and which observation of it failed, and why. In the quarantine the "line" is the
 * observation's number in the pull and the "offset" its byte offset in its page.
 */
@Named
@Dependent
public class LangfuseObservationProcessor implements ItemProcessor {

    private static final int ID_IN_REASON = 100;

    private final LangfuseObservationFormat format;

    public LangfuseObservationProcessor() {
        this(new LangfuseObservationFormat());
    }

    LangfuseObservationProcessor(LangfuseObservationFormat format) {
        this.format = format;
    }

    @Override
    public Object processItem(Object item) {
        return List.of(toRecord((PulledObservation) item));
    }

    IngestRecord toRecord(PulledObservation pulled) {
        ObservationEntry entry = pulled.entry();
        SourcePosition position = new SourcePosition(pulled.number(), entry.byteOffset());
        String where = "page " + pulled.pageNumber() + ", observation " + (entry.index() + 1) + idOf(entry) + ": ";
        if (entry.truncated()) {
            return new IngestRecord.Malformed(position, where + "observation is " + entry.originalLength()
                    + " bytes long; the limit is " + entry.bytes().length + " bytes (trailkeeper.import.max-line-bytes)",
                    entry.bytes(), entry.originalLength());
        }
        ParsedRecord parsed = format.parse(entry.bytes());
        if (parsed instanceof ParsedRecord.Accepted accepted) {
            return new IngestRecord.Event(position, accepted.draft());
        }
        return new IngestRecord.Malformed(position, where + ((ParsedRecord.Rejected) parsed).reason(),
                entry.bytes(), entry.originalLength());
    }

    /** The id helps find the observation in Langfuse; it is cut and cleaned, since it is the source's text. */
    private static String idOf(ObservationEntry entry) {
        if (entry.id() == null || entry.id().isBlank()) {
            return "";
        }
        String id = entry.id().length() > ID_IN_REASON ? entry.id().substring(0, ID_IN_REASON) + "..." : entry.id();
        StringBuilder cleaned = new StringBuilder(" (id ");
        id.codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return cleaned.append(')').toString();
    }
}
