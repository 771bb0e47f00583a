package io.trailkeeper.residency.entity;

import java.time.Instant;

/**
 * One broken rule found in one event group, before it is added to its finding. The key (rule, aspect,
 * source, agent, location) names the finding: the same key in a later check adds to the same finding.
 */
public record FindingDraft(String key, ResidencyRule rule, ResidencyVerdict.Aspect aspect, FindingSeverity severity,
                           String jurisdiction, String source, String agent, String location, String recipient,
                           String detail, String catalogVersion, long events, long subjects, Instant firstSeen, Instant lastSeen) {
}
