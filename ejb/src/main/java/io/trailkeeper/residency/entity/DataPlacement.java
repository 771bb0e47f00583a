package io.trailkeeper.residency.entity;

import java.util.Objects;

/** One place an event's data went: a recipient and the region code or endpoint the trail names. */
public record DataPlacement(Recipient recipient, String code) {

    public DataPlacement {
        Objects.requireNonNull(recipient, "recipient");
    }

    public static DataPlacement of(String provider, String code, TransferMechanism mechanism) {
        return new DataPlacement(new Recipient(provider == null ? "unnamed" : provider, provider, mechanism), code);
    }
}
