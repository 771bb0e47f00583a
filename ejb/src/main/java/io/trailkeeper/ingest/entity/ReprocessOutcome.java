package io.trailkeeper.ingest.entity;

import java.util.List;

/**
 * What re-processing a quarantined record did: stored events (and found duplicates), or why the
 * record still cannot become an event, in which case nothing changed.
 */
public record ReprocessOutcome(boolean accepted, long stored, long duplicates, List<String> reasons) {

    public ReprocessOutcome {
        reasons = List.copyOf(reasons);
    }

    public static ReprocessOutcome rejected(List<String> reasons) {
        return new ReprocessOutcome(false, 0, 0, reasons);
    }
}
