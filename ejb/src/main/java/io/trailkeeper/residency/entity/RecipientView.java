package io.trailkeeper.residency.entity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A model the trail shows processing events, where it processes them (catalog provider and region or
 * endpoint; both null until an officer records them) and the transfer mechanism recorded (GDPR Art. 45-49).
 */
public record RecipientView(String model, String provider, String location, TransferMechanism.Kind mechanism,
                            LocalDate mechanismDate, String mechanismReference, Instant updatedAt, String updatedBy) {

    public Recipient recipient() {
        return new Recipient(model, provider, new TransferMechanism(mechanism, mechanismDate, mechanismReference));
    }
}
