package io.trailkeeper.residency.entity;

import java.time.Instant;

/** An officer's decision on a finding: accept (with a reason and an expiry), resolve or re-open, always with a reason. */
public record StatusChange(String status, String reason, Instant acceptedUntil) {
}
