package io.trailkeeper.jobs.ingest;

/**
 * A page body that is not the observations page the API promises (not JSON, no {@code data}
 * array, a cursor that is not text). Its reason describes the shape, never the content.
 */
public class UnreadablePage extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadablePage(String reason) {
        super(reason, null, false, false);
    }
}
