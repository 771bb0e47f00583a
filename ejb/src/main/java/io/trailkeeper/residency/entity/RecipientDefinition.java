package io.trailkeeper.residency.entity;

import java.time.LocalDate;

/** What an officer records for a model: where it processes and under which transfer mechanism. */
public record RecipientDefinition(String provider, String location, String mechanism, LocalDate mechanismDate,
                                  String mechanismReference) {
}
