package io.trailkeeper.trail.entity;

import jakarta.ejb.ApplicationException;

/**
 * A search the caller got wrong (bad page, size or period). An application exception, so the EJB
 * container hands it to the caller as it is instead of logging it as a server fault.
 */
@ApplicationException
public class InvalidQuery extends IllegalArgumentException {

    public InvalidQuery(String message) {
        super(message);
    }

    /**
     * Where a page starts, for a query that can skip at most {@link Integer#MAX_VALUE} rows (JPA's
     * {@code setFirstResult}); a page beyond that is the caller's mistake, not an overflow.
     */
    public static int firstResult(int page, int size) {
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            throw new InvalidQuery("page is too far: page × size must stay below " + ((long) Integer.MAX_VALUE + 1));
        }
        return (int) first;
    }
}
