package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A retention run: its reference instant, what asked for it (an officer, a schedule), its status and
 * outcome, when it started and ended, the events it deleted in all, and per policy what it planned and did.
 */
public record RetentionRunView(UUID id, Instant at, String trigger, String requestedBy, Instant requestedAt, RunStatus status,
                               Long jobExecutionId, int executions, Instant startedAt, Instant endedAt, String failure,
                               long deleted, long wouldGo, long heldBack, List<RunLine> policies, String outcome) {

    /** {@code outcome} is always computed from the rest (pass null). */
    public RetentionRunView {
        policies = List.copyOf(policies);
        outcome = describe(status, deleted, wouldGo, heldBack, failure, policies);
    }

    /** The outcome in plain words. */
    static String describe(RunStatus status, long deleted, long wouldGo, long heldBack, String failure, List<RunLine> policies) {
        String notDone = policies.stream().filter(l -> !l.carriedOut())
                .map(l -> l.recordClass() + ": " + l.note()).reduce((a, b) -> a + "; " + b).map(s -> " Not carried out: " + s + ".")
                .orElse("");
        return switch (status) {
            case REQUESTED -> "Waiting to start.";
            case STARTED -> "Running: " + deleted + " of " + wouldGo + " deleted so far." + notDone;
            case COMPLETED -> deleted + " deleted, " + heldBack + " held back." + notDone;
            case FAILED -> "Failed after " + deleted + " deleted: " + (failure == null ? "see the server log" : failure) + "." + notDone;
            case STOPPED -> "Stopped after " + deleted + " deleted." + notDone;
            case INTERRUPTED -> "Interrupted after " + deleted + " deleted; continues at the next start." + notDone;
        };
    }
}
