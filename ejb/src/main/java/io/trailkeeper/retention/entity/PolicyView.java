package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A policy as officers and auditors see it: its terms and version, the floor that binds its class
 * now (if any; {@code effectivePeriodDays} is the longer of the two) and the policies that win over it
 * where they overlap.
 */
public record PolicyView(UUID id, int version, String recordClass, int periodDays, int effectivePeriodDays,
                         ExpiryAction expiryAction, String preset, List<String> sources, List<String> agents,
                         LegalFloor floor, List<UUID> outrankedBy, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy, Instant retiredAt) {
}
