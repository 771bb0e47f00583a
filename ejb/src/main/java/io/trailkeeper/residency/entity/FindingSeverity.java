package io.trailkeeper.residency.entity;

/**
 * How urgent a residency finding is. Data shown to be where it may not be (outside the policy, a third
 * country without safeguards, superseded SCCs: GDPR Art. 44, 46(1)) is HIGH; what cannot be shown either
 * way (an unknown region or subject jurisdiction: Art. 5(2)) is MEDIUM.
 */
public enum FindingSeverity {
    HIGH, MEDIUM, LOW;

    public static FindingSeverity of(ResidencyRule rule) {
        return switch (rule) {
            case OUTSIDE_POLICY, NO_TRANSFER_MECHANISM, SCCS_SUPERSEDED -> HIGH;
            case REGION_UNKNOWN, SUBJECT_JURISDICTION_UNKNOWN -> MEDIUM;
            default -> LOW;
        };
    }
}
