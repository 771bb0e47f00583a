package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A legal hold as listed: subjects appear as pseudonyms only. */
public record HoldView(UUID id, String matter, String reason, String placedBy, Instant placedAt, List<String> subjectPseudonyms,
                       List<String> agents, List<String> sources, Instant from, Instant until, boolean active,
                       Instant releasedAt, String releasedBy, String releaseReason) {
}
