package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.DryRunLine;
import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RunLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The rules of a deletion run that need no database. */
public final class RunRules {

    /**
     * Why a policy that keeps metadata and destroys content is not carried out yet: each event's leaf in
     * the tamper-evident log commits to the SHA-256 of its sealed content, so destroying content needs a
     * log record of its own (like a deletion leaf) before verification can tell it from tampering.
     */
    public static final String CONTENT_DESTRUCTION_NOT_SUPPORTED =
            "KEEP_METADATA_DESTROY_CONTENT not yet supported (the log commits to each event's content hash); nothing deleted";

    private RunRules() {
    }

    /**
     * The instant a run deletes as of: now when none is given; never later than now, since a run as of a
     * future instant would delete events whose period has not expired yet (GDPR Art. 5(1)(e) asks no more
     * than deletion once it has).
     */
    public static Instant referenceInstant(Instant asked, Instant now) {
        if (asked == null) {
            return now;
        }
        if (asked.isAfter(now)) {
            throw new RetentionRejected(RetentionRejected.Reason.INVALID,
                    "A run deletes as of now or an earlier instant, not " + asked + " (later than now: events not yet expired would go).");
        }
        return asked;
    }

    /** What the run plans for a policy: the dry run's line, or nothing for an action this step cannot do right. */
    public static RunLine planned(DryRunLine line) {
        String note = line.expiryAction() == ExpiryAction.DELETE_EVENT ? null : CONTENT_DESTRUCTION_NOT_SUPPORTED;
        return new RunLine(line.policyId(), line.policyVersion(), line.recordClass(), line.periodDays(), line.expiryAction(),
                line.cutoff(), line.expired(), line.wouldGo(), line.heldBack(), line.heldBackBy(), 0, note);
    }

    /** Index of the policy among the lines, or -1 (then the run starts over from the first; nothing is deleted twice). */
    public static int indexOf(List<RunLine> lines, UUID policyId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).policyId().equals(policyId)) {
                return i;
            }
        }
        return -1;
    }

    /** Who asks for the run's deletions, as the log records it. */
    public static String requester(RetentionRunView run) {
        return "retention run " + run.id() + " (" + run.trigger().toLowerCase() + ": " + run.requestedBy() + ")";
    }
}
