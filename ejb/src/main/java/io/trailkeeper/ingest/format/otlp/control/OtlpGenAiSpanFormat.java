package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.ingest.format.json.control.CompactJson;
import io.trailkeeper.ingest.format.json.control.EmbeddedJson;
import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.JsonLineDecoder;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads OTLP/JSON trace export lines (one ExportTraceServiceRequest per line) into audit events.
 * Stateless, thread-safe.
 *
 * <p>This is what the OpenTelemetry Collector's file exporter writes, one request per line:
 * <pre>{@code
 * {"resourceSpans": [{"resource": {"attributes": [...]},
 *   "scopeSpans": [{"scope": {"name": ..., "version": ...}, "spans": [...]}]}]}
 * }</pre>
 * encoded as the OTLP specification's "JSON Protobuf Encoding" prescribes (opentelemetry-proto,
 * docs/specification.md): ids as hex, 64-bit integers as decimal strings, enums as integers. Each
 * span becomes one event, read by the OpenTelemetry GenAI semantic conventions in their older and
 * newer dialects (see {@link GenAiSpanReader}); the span's trace and span id are the event's source
 * id, so an export read twice stores each span once.
 *
 * <p>Bad input never throws. A line that is not a trace export request comes back as one
 * rejection; a bad span is rejected alone and its siblings are still read. Reasons name the field
 * or attribute and the problem but never quote prompts or personal values.
 */
public final class OtlpGenAiSpanFormat {

    private final JsonLineDecoder decoder;
    private final OtlpEnvelope envelope;
    private final GenAiSpanReader reader;

    public OtlpGenAiSpanFormat() {
        this(Clock.systemUTC());
    }

    /** @param clock decides which timestamps lie implausibly far in the future */
    public OtlpGenAiSpanFormat(Clock clock) {
        // Looked up once: JsonProvider.provider() scans the class path on every call. The
        // factories it creates are documented as thread-safe.
        JsonProvider json = JsonProvider.provider();
        OtlpAnyValue anyValues = new OtlpAnyValue(json);
        this.decoder = new JsonLineDecoder(json);
        this.envelope = new OtlpEnvelope(json, anyValues);
        this.reader = new GenAiSpanReader(json, new CompactJson(json), anyValues, new EmbeddedJson(json),
                new OtlpTime(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * @param line one line, without the line terminator
     * @return one record per span in document order; exactly one rejection at index 0 when the
     *     line is not a valid request; empty for a request without spans
     */
    public List<SpanRecord> parse(byte[] line) {
        Objects.requireNonNull(line, "line");
        List<OtlpEnvelope.Slot> slots;
        try {
            slots = envelope.spans(decoder.decode(line));
        } catch (InvalidRecordException e) {
            return List.of(new SpanRecord(0, null, new ParsedRecord.Rejected(e.reason())));
        }
        List<SpanRecord> records = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            OtlpEnvelope.Slot slot = slots.get(i);
            ParsedRecord parsed;
            try {
                parsed = new ParsedRecord.Accepted(reader.read(slot));
            } catch (InvalidRecordException e) {
                parsed = new ParsedRecord.Rejected(e.reason());
            }
            records.add(new SpanRecord(i, OtlpIds.reference(slot.span()), parsed));
        }
        return List.copyOf(records);
    }
}
