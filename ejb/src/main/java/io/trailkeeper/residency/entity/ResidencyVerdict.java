package io.trailkeeper.residency.entity;

import java.util.Objects;

/**
 * The verdict on one aspect of one event: the rule it rests on (which fixes the outcome and the
 * citation), what was found in plain words, and the catalog version that judged it. The residency job
 * groups FINDING verdicts into {@code ResidencyFinding}s.
 *
 * @param location the looked-up location, null for the subject's own verdict
 */
public record ResidencyVerdict(Aspect aspect, ResidencyRule rule, String detail, RegionLookup location,
                               String catalogVersion) {

    /** What was checked: every event is checked for storage and processing, and its subject's jurisdiction. */
    public enum Aspect { SUBJECT, STORAGE, PROCESSING }

    public ResidencyVerdict {
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(catalogVersion, "catalogVersion");
    }

    public ResidencyOutcome outcome() {
        return rule.outcome();
    }

    public String citation() {
        return rule.citation();
    }
}
