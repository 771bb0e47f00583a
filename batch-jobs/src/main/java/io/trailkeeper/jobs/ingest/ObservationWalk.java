package io.trailkeeper.jobs.ingest;

import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Walks the pages of a pull one observation at a time, following each page's cursor until a page
 * has none, and knows at every point where a restart must resume ({@link #position()}).
 */
public final class ObservationWalk {

    private static final Logger LOG = Logger.getLogger(ObservationWalk.class.getName());

    private final Function<String, ObservationPage> pages;
    private String pageCursor;
    private long pageNumber;
    private long observationsBefore;
    private int next;
    private String lastId;
    private ObservationPage page;
    private final int resumeIndex;
    private final String resumeId;

    /** @param pages fetches the page of a cursor (null: the first page) */
    public ObservationWalk(Function<String, ObservationPage> pages, PullPosition from) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.pageCursor = from.pageCursor();
        this.pageNumber = from.pageNumber();
        this.observationsBefore = from.observationsBefore();
        this.resumeIndex = from.nextIndex();
        this.resumeId = from.lastId();
        this.lastId = from.lastId();
        this.next = from.nextIndex();
    }

    /** @return the next observation, or null when the last page is done */
    public PulledObservation next() {
        if (page == null) {
            page = pages.apply(pageCursor);
            next = resumeAt(page);
        }
        while (next >= page.observations().size()) {
            String cursor = page.nextCursor();
            if (cursor == null) {
                return null;
            }
            if (cursor.equals(pageCursor)) {
                throw new PullFailed("the source answered page " + pageNumber + " with its own cursor again; stopping rather than looping");
            }
            observationsBefore += page.observations().size();
            pageNumber++;
            pageCursor = cursor;
            page = pages.apply(cursor);
            next = 0;
            lastId = null;
        }
        ObservationEntry entry = page.observations().get(next++);
        lastId = entry.id();
        return new PulledObservation(observationsBefore + entry.index() + 1, pageNumber, entry);
    }

    private int resumeAt(ObservationPage fetched) {
        if (resumeIndex == 0) {
            return 0;
        }
        if (resumeIndex <= fetched.observations().size()
                && resumeId != null && resumeId.equals(fetched.observations().get(resumeIndex - 1).id())) {
            return resumeIndex;
        }
        // Observations that arrived since the checkpoint shifted the page: read it whole again;
        // those already stored count as duplicates and are not stored twice.
        LOG.info("Page " + pageNumber + " changed since the checkpoint; reading it again from its start");
        lastId = null;
        return 0;
    }

    /** @return where a restart resumes: after the last observation handed out */
    public PullPosition position() {
        return new PullPosition(pageCursor, next, next == 0 ? null : lastId, pageNumber, observationsBefore);
    }
}
