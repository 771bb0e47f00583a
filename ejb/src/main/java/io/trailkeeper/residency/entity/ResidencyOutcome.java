package io.trailkeeper.residency.entity;

/** The verdict on one check, ordered from best to worst so that a judgement takes the worst. */
public enum ResidencyOutcome {
    /** Allowed without conditions: inside the EEA, or an adequacy decision in force. */
    PASS,
    /** Allowed only because of the recorded mechanism (DPF, SCCs, BCRs, derogation): keep it current. */
    CONDITIONAL_OK,
    /** A rule is broken or cannot be shown to be met. */
    FINDING
}
