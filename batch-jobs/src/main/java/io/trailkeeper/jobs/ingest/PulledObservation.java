package io.trailkeeper.jobs.ingest;

import java.util.Objects;

/**
 * One observation as a pull read it.
 *
 * @param number 1-based number of the observation in the pull (across pages), its "line" in the quarantine
 * @param pageNumber 1-based number of its page in the pull
 */
public record PulledObservation(long number, long pageNumber, ObservationEntry entry) {

    public PulledObservation {
        Objects.requireNonNull(entry, "entry");
        if (number < 1 || pageNumber < 1) {
            throw new IllegalArgumentException("observations and pages are numbered from 1");
        }
    }
}
