package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.format.agentaction.control.AgentActionLogFormat;
import io.trailkeeper.ingest.masking.control.DraftMasking;
import io.trailkeeper.ingest.masking.control.SensitiveDataMasking;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.format.control.LineFormat;
import io.trailkeeper.ingest.format.otlp.control.OtlpGenAiSpanFormat;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import io.trailkeeper.trail.entity.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one raw line into the records to store, in the format of the line's source: one record per
 * agent-action line, one per span of an OTLP line. Whatever cannot become an event becomes a
 * quarantine entry that says why, so a line never disappears silently. Thread-safe: the reader
 * decodes lines ahead of the chunk being written, on a thread of its own.
 */
final class TrailLineDecoding {

    private TrailLineDecoding() {
    }

    /**
     * @param format the job parameter naming the source's kind
     * @param lineIds the source's scheme for ids of lines that name none
     */
    static Function<RawLine, List<IngestRecord>> forFormat(String format, LineDigest lineIds) {
        SourceKind kind;
        try {
            kind = SourceKind.valueOf(format);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("the job parameter 'format' must name a file format, not '" + format + "'");
        }
        return readerFor(kind, lineIds).andThen(TrailLineDecoding::masked);
    }

    /**
     * Masks each event's free text right after decoding. The reader decodes ahead of the chunk on a
     * thread of its own, so masking, the costliest step of storing, is done there while the database
     * stores the chunk before; storing then only pseudonymises, seals and hashes.
     */
    static List<IngestRecord> masked(List<IngestRecord> records) {
        List<IngestRecord> masked = new ArrayList<>(records.size());
        for (IngestRecord record : records) {
            if (record instanceof IngestRecord.Event event && !event.alreadyMasked()) {
                DraftMasking.MaskedDraft done = MASKING.mask(event.draft());
                masked.add(new IngestRecord.Event(event.position(), done.draft(), done.counts()));
            } else {
                masked.add(record);
            }
        }
        return masked;
    }

    private static final DraftMasking MASKING = new DraftMasking(new SensitiveDataMasking());

    static Function<RawLine, List<IngestRecord>> readerFor(SourceKind kind, LineDigest lineIds) {
        if (kind != SourceKind.JSONL_FILE && kind != SourceKind.OTLP_JSON) {
            // API sources have jobs of their own; their records are not lines of an uploaded file.
            throw new IllegalArgumentException(kind + " is not a file format");
        }
        Function<byte[], List<SpanRecord>> format = LineFormat.forKind(kind, lineIds);
        return line -> records(line, format);
    }

    static IngestRecord toRecord(RawLine line, AgentActionLogFormat format) {
        return records(line, bytes -> List.of(LineFormat.single(format.parse(bytes)))).get(0);
    }

    static List<IngestRecord> spanRecords(RawLine line, OtlpGenAiSpanFormat format) {
        return records(line, format::parse);
    }

    private static List<IngestRecord> records(RawLine line, Function<byte[], List<SpanRecord>> format) {
        if (line.truncated()) {
            return List.of(oversize(line));
        }
        List<SpanRecord> spans = format.apply(line.bytes());
        List<IngestRecord> records = new ArrayList<>(spans.size());
        boolean wholeLine = spans.size() == 1 && spans.get(0).spanRef() == null;
        for (SpanRecord span : spans) {
            if (span.parsed() instanceof ParsedRecord.Accepted accepted) {
                records.add(new IngestRecord.Event(position(line), accepted.draft()));
            } else {
                String reason = ((ParsedRecord.Rejected) span.parsed()).reason();
                // Naming the span keeps two bad spans of one line apart in the quarantine.
                String where = wholeLine ? "" : "span " + (span.spanIndex() + 1)
                        + (span.spanRef() == null ? "" : " (" + span.spanRef() + ")") + ": ";
                records.add(new IngestRecord.Malformed(position(line), where + reason, line.bytes(), line.originalLength()));
            }
        }
        return records;
    }

    private static SourcePosition position(RawLine line) {
        return new SourcePosition(line.lineNumber(), line.byteOffset());
    }

    private static IngestRecord oversize(RawLine line) {
        return new IngestRecord.Malformed(position(line),
                "line is " + line.originalLength() + " bytes long; the limit is " + line.bytes().length
                        + " bytes (trailkeeper.import.max-line-bytes)",
                line.bytes(), line.originalLength());
    }
}
