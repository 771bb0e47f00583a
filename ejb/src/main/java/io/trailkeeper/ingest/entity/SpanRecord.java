package io.trailkeeper.ingest.entity;

import io.trailkeeper.ingest.entity.ParsedRecord;
import java.util.Objects;

/**
 * One span of an OTLP/JSON line, read as an audit event or rejected with a reason.
 *
 * @param spanIndex the span's position among all spans of the line, 0-based, in document order
 *     across every {@code resourceSpans} and {@code scopeSpans}; 0 for a line rejected as a whole
 * @param spanRef {@code "traceId/spanId"} in lower-case hex when both ids are readable, so that a
 *     rejected span can still be found in the tracing tool; else null
 * @param parsed the event, or why the span or the line was rejected
 */
public record SpanRecord(int spanIndex, String spanRef, ParsedRecord parsed) {

    public SpanRecord {
        Objects.requireNonNull(parsed, "parsed");
    }
}
