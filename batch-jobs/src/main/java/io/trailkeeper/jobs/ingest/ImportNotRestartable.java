package io.trailkeeper.jobs.ingest;

/**
 * A restart that cannot be done in the import's current state (still running, completed, abandoned,
 * already restarted, or its file is gone); the message says which and what to do instead.
 */
@jakarta.ejb.ApplicationException(rollback = false)
public class ImportNotRestartable extends RuntimeException {

    public ImportNotRestartable(String message) {
        super(message);
    }
}
