package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One policy of a run: what the dry run showed at the run's reference instant (expired, would go,
 * held back and why, under this policy version) and how many the run has deleted; {@code note} says
 * why a policy is not carried out (e.g. an expiry action not yet supported).
 */
public record RunLine(UUID policyId, int policyVersion, String recordClass, int periodDays, ExpiryAction expiryAction,
                      Instant cutoff, long expired, long wouldGo, long heldBack, List<HeldBack> heldBackBy, long deleted,
                      String note) {

    public RunLine {
        heldBackBy = List.copyOf(heldBackBy);
    }

    /** Whether the run deletes this policy's events. */
    public boolean carriedOut() {
        return note == null;
    }
}
