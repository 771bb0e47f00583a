package io.trailkeeper.residency.entity;

/**
 * How personal data of an EU/EEA subject may go to a country, per GDPR Chapter V. The order is from
 * freest to most restricted.
 */
public enum JurisdictionClass {
    /** EU 27 plus Iceland, Liechtenstein, Norway: no transfer to a third country (Art. 44 not engaged). */
    EEA,
    /** A Commission adequacy decision is in force (Art. 45(1), (3)); no further safeguard needed. */
    ADEQUATE,
    /**
     * Adequate only for some recipients: the United States, for organisations certified under the
     * EU–US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795 of 10 July 2023).
     */
    CONDITIONAL,
    /** No adequacy: needs appropriate safeguards (Art. 46: SCCs, BCRs) or an Art. 49 derogation. */
    OTHER
}
