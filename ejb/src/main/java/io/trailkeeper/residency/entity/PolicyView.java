package io.trailkeeper.residency.entity;

import java.time.Instant;
import java.util.List;

/**
 * A residency policy as stored: for subjects of {@code jurisdiction} ({@code EEA}, an ISO country, or
 * {@code *} for every other), the jurisdiction classes and countries where their data may be stored and processed.
 */
public record PolicyView(String jurisdiction, String name, List<JurisdictionClass> storageClasses, List<String> storageCountries,
                         List<JurisdictionClass> processingClasses, List<String> processingCountries, int version,
                         Instant updatedAt, String updatedBy, String reason) {

    public ResidencyPolicy policy() {
        return new ResidencyPolicy(name, new AllowedLocations(java.util.Set.copyOf(storageClasses), java.util.Set.copyOf(storageCountries)),
                new AllowedLocations(java.util.Set.copyOf(processingClasses), java.util.Set.copyOf(processingCountries)));
    }
}
