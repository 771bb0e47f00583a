package io.trailkeeper.retention.entity;

/** An officer switches a framework on or off, or sets SOC 2's audit period and margin; {@code reason} says why. */
public record FrameworkChange(Boolean enabled, Integer auditPeriodDays, Integer marginDays, String reason) {
}
