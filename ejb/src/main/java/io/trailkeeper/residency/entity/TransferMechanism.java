package io.trailkeeper.residency.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The transfer mechanism an officer recorded for a recipient (GDPR Art. 45–49).
 *
 * @param concluded when the SCCs were signed, the BCRs approved or the DPF certification checked; required
 *                  for SCCs, since contracts on the SCCs repealed in 2021 no longer count
 * @param reference the contract, approval or DPF list entry an auditor can look up
 */
public record TransferMechanism(Kind kind, LocalDate concluded, String reference) {

    public enum Kind {
        /** Recipient certified under the EU–US Data Privacy Framework (Decision (EU) 2023/1795). */
        DPF_CERTIFIED,
        /** Standard contractual clauses, Art. 46(2)(c). */
        SCCS,
        /** Binding corporate rules, Art. 46(2)(b) and 47. */
        BCRS,
        /** A derogation for a specific situation, Art. 49(1). */
        ART49_DEROGATION,
        /** Nothing recorded. */
        NONE
    }

    public TransferMechanism {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SCCS && concluded == null) {
            throw new IllegalArgumentException("SCCs are recorded with the date they were concluded");
        }
    }

    public static TransferMechanism none() {
        return new TransferMechanism(Kind.NONE, null, null);
    }

    public static TransferMechanism dpfCertified(LocalDate checked, String listEntry) {
        return new TransferMechanism(Kind.DPF_CERTIFIED, checked, listEntry);
    }

    public static TransferMechanism sccs(LocalDate concluded, String contract) {
        return new TransferMechanism(Kind.SCCS, concluded, contract);
    }
}
