package io.trailkeeper.trail.entity;

import jakarta.ejb.ApplicationException;

/**
 * A deletion that cannot be carried out as asked (an event not stored, already deleted, or changed
 * since it was stored); nothing was deleted. The message names event ids and leaf indexes only, never
 * an event's content. An application exception, so it reaches the caller as it is and rolls back.
 */
@ApplicationException(rollback = true)
public class DeletionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeletionRefused(String message) {
        super(message);
    }
}
