package io.trailkeeper.residency.entity;

import java.util.Objects;

/**
 * An officer's rule for the subjects of one jurisdiction: where their events may be stored (the agent's
 * region) and where they may be processed (the model provider's or tool's location). Allowed processing
 * outside the EEA still has to pass GDPR Chapter V (a mechanism), which the judge checks on top.
 */
public record ResidencyPolicy(String name, AllowedLocations storage, AllowedLocations processing) {

    public ResidencyPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(processing, "processing");
    }

    /**
     * The product's practice for EU/EEA subjects: "EU users' data stays in EU regions" for storage;
     * processing in the EEA, in an adequate country, or in the US with a recorded mechanism (DPF/SCCs).
     */
    public static ResidencyPolicy euSubjects() {
        return new ResidencyPolicy("EU/EEA subjects: stored in the EEA",
                AllowedLocations.classes(JurisdictionClass.EEA),
                AllowedLocations.classes(JurisdictionClass.EEA, JurisdictionClass.ADEQUATE,
                        JurisdictionClass.CONDITIONAL));
    }
}
