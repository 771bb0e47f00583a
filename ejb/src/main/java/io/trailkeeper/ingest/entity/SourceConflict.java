package io.trailkeeper.ingest.entity;

import jakarta.ejb.ApplicationException;

/** A request that does not fit the source it names, e.g. OTLP spans for an agent-action source. */
@ApplicationException(rollback = true)
public class SourceConflict extends IllegalArgumentException {

    public SourceConflict(String message) {
        super(message);
    }
}
