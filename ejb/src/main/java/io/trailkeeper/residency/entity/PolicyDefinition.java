package io.trailkeeper.residency.entity;

import java.util.List;

/** What an officer sends to set a jurisdiction's residency policy; the reason is required. */
public record PolicyDefinition(String name, List<String> storageClasses, List<String> storageCountries,
                               List<String> processingClasses, List<String> processingCountries, String reason) {
}
