package io.trailkeeper.residency.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the transfer-status catalog: a country's class under GDPR Chapter V and the decision
 * behind it, with its source and the date it was checked.
 *
 * @param decided date of the adequacy (or DPF) decision, null for EEA members and OTHER
 * @param expires last day the decision is in force where it says so (UK: 27 December 2031), else null
 */
public record TransferStatus(String country, String name, JurisdictionClass jurisdictionClass,
                             String decision, LocalDate decided, LocalDate expires, String source,
                             LocalDate checked, String note) {

    public TransferStatus {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(jurisdictionClass, "jurisdictionClass");
    }

    /** What a country absent from the catalog is: no adequacy decision (GDPR Art. 45 not met). */
    public static TransferStatus unlisted(String country) {
        return new TransferStatus(country, country, JurisdictionClass.OTHER,
                "not in the catalog: no EU adequacy decision known", null, null, null, null, null);
    }

    /**
     * The class that held on a given day. An adequacy (or DPF) decision counts only between its adoption
     * and its expiry (GDPR Art. 45(3) decisions may be time-limited, as the UK's sunset clause was);
     * outside that window the country is OTHER and needs a mechanism.
     */
    public JurisdictionClass classOn(LocalDate day) {
        if (jurisdictionClass == JurisdictionClass.EEA || jurisdictionClass == JurisdictionClass.OTHER) {
            return jurisdictionClass;
        }
        boolean started = decided == null || !day.isBefore(decided);
        boolean ended = expires != null && day.isAfter(expires);
        return started && !ended ? jurisdictionClass : JurisdictionClass.OTHER;
    }
}
