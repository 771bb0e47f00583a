package io.trailkeeper.jobs.ingest;

import java.io.Serializable;

/**
 * Where a pull from a paginated API stands: the checkpoint of the step, committed with the chunk's
 * events. A restart fetches the page again with {@link #pageCursor()} and skips the
 * {@link #nextIndex()} observations already committed, after checking that the last of them
 * ({@link #lastId()}) is still where it was; if the page changed meanwhile (observations that
 * arrived late), the whole page is read again and the trail's unique key absorbs the repeats.
 *
 * @param pageCursor the cursor that fetched the page being consumed; null for the first page
 * @param nextIndex how many observations of that page are committed
 * @param lastId the id of the last committed observation of that page; null when none
 * @param pageNumber 1-based number of the page in the pull, for reports
 * @param observationsBefore how many observations the earlier pages held, for numbering
 */
public record PullPosition(String pageCursor, int nextIndex, String lastId, long pageNumber, long observationsBefore)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PullPosition {
        // Also guards deserialization, which for records goes through this constructor.
        if (nextIndex < 0 || pageNumber < 1 || observationsBefore < 0) {
            throw new IllegalArgumentException("a pull position counts from its first page");
        }
    }

    public static PullPosition start() {
        return new PullPosition(null, 0, null, 1, 0);
    }
}
