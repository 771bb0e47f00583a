package io.trailkeeper.ingest.entity;

import io.trailkeeper.trail.entity.AuditEventDraft;
import java.util.Objects;

/** A record read from a source, ready to be stored: either an audit event or a quarantine entry. */
public sealed interface IngestRecord permits IngestRecord.Event, IngestRecord.Malformed {

    SourcePosition position();

    record Event(SourcePosition position, AuditEventDraft draft) implements IngestRecord {
        public Event {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(draft, "draft");
        }
    }

    /**
     * @param raw          the bytes as read, already capped by the reader
     * @param originalSize how many bytes the record really had
     */
    record Malformed(SourcePosition position, String reason, byte[] raw, int originalSize) implements IngestRecord {
        public Malformed {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
