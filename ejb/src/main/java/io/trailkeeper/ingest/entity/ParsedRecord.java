package io.trailkeeper.ingest.entity;

import io.trailkeeper.trail.entity.AuditEventDraft;
import java.util.Objects;

/**
 * The outcome of reading one record: accepted as a draft, or rejected with a reason a person
 * can act on.
 */
public sealed interface ParsedRecord permits ParsedRecord.Accepted, ParsedRecord.Rejected {

    /** The record was understood; {@code draft} is ready to be stored. */
    record Accepted(AuditEventDraft draft) implements ParsedRecord {
        public Accepted {
            Objects.requireNonNull(draft, "draft");
        }
    }

    /**
     * The record could not be turned into an event.
     *
     * @param reason what is wrong, naming the offending field but never quoting the content of
     *     prompts or personal fields, because reasons are shown to officers and written to logs
     */
    record Rejected(String reason) implements ParsedRecord {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
