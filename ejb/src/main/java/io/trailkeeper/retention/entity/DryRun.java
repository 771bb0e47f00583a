package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;

/**
 * The dry run as of an instant: a line per active policy, the conflicts between policies (each event
 * counted under the policy that wins for it), and the classes that hold events but have no policy
 * (kept until one is set).
 */
public record DryRun(Instant at, List<DryRunLine> policies, List<PolicyConflict> conflicts, List<String> classesWithoutPolicy) {
}
