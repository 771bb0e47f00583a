package io.trailkeeper.residency.entity;

import java.time.Instant;

/**
 * Events of one source and agent stored in one region and processed by one model (null: none), as the
 * check aggregates them in SQL: how many, how many distinct subject pseudonyms, first and last seen.
 */
public record EventGroup(String source, String agent, String region, String model, long events, long subjects,
                         Instant firstSeen, Instant lastSeen) {
}
