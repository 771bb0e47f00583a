package io.trailkeeper.residency.entity;

import java.time.Instant;
import java.util.UUID;

/** A residency finding with its counts and workflow state; subjects only as a count of pseudonyms. */
public record FindingView(UUID id, ResidencyRule rule, ResidencyVerdict.Aspect aspect, FindingSeverity severity,
                          String jurisdiction, String source, String agent, String location, String recipient,
                          String detail, String citation, String catalogVersion, long events, long subjects,
                          Instant firstSeen, Instant lastSeen, FindingStatus status, String statusReason,
                          String statusBy, Instant statusAt, Instant acceptedUntil) {
}
