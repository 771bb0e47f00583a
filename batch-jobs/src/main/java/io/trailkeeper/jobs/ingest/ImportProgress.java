package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.entity.StoreOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What running imports have committed so far, so an officer watching an import sees it advance.
 * Payara's batch runtime publishes a step's persistent user data only when the step ends; until
 * then the tally lives here, in memory, updated as each chunk begins (the chunk before it has
 * committed by then), so it never counts lines that could still roll back.
 */
@ApplicationScoped
public class ImportProgress {

    private final Map<Long, StoreOutcome> committed = new ConcurrentHashMap<>();

    void committed(long executionId, StoreOutcome tally) {
        committed.put(executionId, tally);
    }

    void ended(long executionId) {
        committed.remove(executionId);
    }

    Optional<StoreOutcome> of(long executionId) {
        return Optional.ofNullable(committed.get(executionId));
    }
}
