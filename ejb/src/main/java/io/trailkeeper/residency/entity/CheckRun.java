package io.trailkeeper.residency.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One residency check: the log leaves it judged ({@code fromLeaf} exclusive, {@code toLeaf} inclusive),
 * the event groups and events, and what it did to the findings.
 */
public record CheckRun(UUID id, Instant startedAt, Instant finishedAt, String startedBy, long fromLeaf, long toLeaf,
                       int groups, long events, int newFindings, int updatedFindings, int reopened, String catalogVersion) {
}
