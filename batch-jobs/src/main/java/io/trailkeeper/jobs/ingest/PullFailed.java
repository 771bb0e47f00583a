package io.trailkeeper.jobs.ingest;

/**
 * A pull from a source that cannot go on: refused credentials, a request the source rejects, or a
 * source that kept failing beyond the retries. The message says what to check and never carries
 * credentials, response bodies or record content; it ends up in the job's exit status and the log.
 */
public class PullFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PullFailed(String message) {
        super(message, null, false, false);
    }
}
