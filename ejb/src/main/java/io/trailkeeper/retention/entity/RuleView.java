package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.UUID;

/** A classification rule as listed, in evaluation order. */
public record RuleView(UUID id, int version, int evaluationOrder, String recordClass, String sourceName, String agentPattern,
                       String actionPattern, String dataCategoryPattern, String resultPattern, String note,
                       Instant updatedAt, String updatedBy) {
}
