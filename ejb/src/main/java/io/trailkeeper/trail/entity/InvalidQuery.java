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
}
