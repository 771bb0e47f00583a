package io.trailkeeper.residency.entity;

/**
 * The rule a residency verdict rests on, with its outcome and the provision an officer or auditor can
 * look up. Chapter V of the GDPR: Art. 44 (general principle), 45 (adequacy), 46 (appropriate
 * safeguards), 47 (BCRs), 49 (derogations); Art. 5(2) (accountability: the controller must be able to
 * show compliance, hence unknowns are findings).
 */
public enum ResidencyRule {
    WITHIN_EEA(ResidencyOutcome.PASS,
            "GDPR Art. 44: no transfer to a third country, the data stays in the EEA"),
    ADEQUACY_DECISION(ResidencyOutcome.PASS,
            "GDPR Art. 45(1): transfer on a Commission adequacy decision in force"),
    POLICY_ONLY(ResidencyOutcome.PASS,
            "residency policy: subject outside the EU/EEA, GDPR Chapter V not applied"),
    DPF_CERTIFIED(ResidencyOutcome.CONDITIONAL_OK,
            "GDPR Art. 45(1); Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework):"
                    + " adequate only while the recipient stays certified"),
    STANDARD_CONTRACTUAL_CLAUSES(ResidencyOutcome.CONDITIONAL_OK,
            "GDPR Art. 46(2)(c); Commission Implementing Decision (EU) 2021/914 (SCCs)"),
    BINDING_CORPORATE_RULES(ResidencyOutcome.CONDITIONAL_OK,
            "GDPR Art. 46(2)(b) and Art. 47 (binding corporate rules)"),
    DEROGATION(ResidencyOutcome.CONDITIONAL_OK,
            "GDPR Art. 49(1): derogation for a specific situation, occasional transfers only"),
    SUBJECT_JURISDICTION_UNKNOWN(ResidencyOutcome.FINDING,
            "GDPR Art. 44 and Art. 5(2): without the subject's jurisdiction the applicable transfer rules"
                    + " cannot be shown to be met"),
    REGION_UNKNOWN(ResidencyOutcome.FINDING,
            "GDPR Art. 44 and Art. 5(2): a location the catalog cannot place cannot be shown to meet Chapter V"),
    OUTSIDE_POLICY(ResidencyOutcome.FINDING,
            "residency policy; GDPR Art. 44 where the location is outside the EEA"),
    NO_TRANSFER_MECHANISM(ResidencyOutcome.FINDING,
            "GDPR Art. 44, 46(1) and 49: a transfer to a third country without adequacy needs appropriate"
                    + " safeguards or a derogation"),
    SCCS_SUPERSEDED(ResidencyOutcome.FINDING,
            "Commission Implementing Decision (EU) 2021/914 Art. 4(4): contracts on the repealed SCCs"
                    + " (2001/497/EC, 2010/87/EU) stopped providing safeguards after 27 December 2022;"
                    + " GDPR Art. 46(1)");

    private final ResidencyOutcome outcome;
    private final String citation;

    ResidencyRule(ResidencyOutcome outcome, String citation) {
        this.outcome = outcome;
        this.citation = citation;
    }

    public ResidencyOutcome outcome() {
        return outcome;
    }

    public String citation() {
        return citation;
    }
}
