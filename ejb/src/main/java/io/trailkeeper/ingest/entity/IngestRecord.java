package io.trailkeeper.ingest.entity;

import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.MaskingCounts;
import java.util.Objects;

/** A record read from a source, ready to be stored: either an audit event or a quarantine entry. */
public sealed interface IngestRecord permits IngestRecord.Event, IngestRecord.Malformed {

    SourcePosition position();

    /**
     * @param maskedCounts what masking found, when the draft's free text is already masked (a reader
     *                     that masks ahead of the chunk); {@code null} when storing must still mask it
     * @param lookup       whether the source already held this event's id, looked up ahead of the chunk
     *                     together with other lines' ids; {@code null} when storing must look it up
     */
    record Event(SourcePosition position, AuditEventDraft draft, MaskingCounts maskedCounts, StoredIdsLookup lookup)
            implements IngestRecord {
        public Event {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(draft, "draft");
        }

        public Event(SourcePosition position, AuditEventDraft draft, MaskingCounts maskedCounts) {
            this(position, draft, maskedCounts, null);
        }

        /** An event whose draft is not masked yet. */
        public Event(SourcePosition position, AuditEventDraft draft) {
            this(position, draft, null, null);
        }

        /** This event with what a look-up ahead of its chunk found. */
        public Event withLookup(StoredIdsLookup found) {
            return new Event(position, draft, maskedCounts, found);
        }

        public boolean alreadyMasked() {
            return maskedCounts != null;
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
