package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one policy would do as of the dry run's instant: {@code expired} events of its scope are older
 * than its period (before {@code cutoff}); {@code wouldGo} of them would be deleted (or lose their
 * content), {@code heldBack} are kept, by the reasons in {@code heldBackBy}; oldest and newest of those
 * that would go.
 */
public record DryRunLine(UUID policyId, int policyVersion, String recordClass, List<String> sources, List<String> agents,
                         int periodDays, ExpiryAction expiryAction, Instant cutoff, long expired, long wouldGo,
                         long heldBack, List<HeldBack> heldBackBy, Instant oldestAffected, Instant newestAffected) {
}
