package io.trailkeeper.integrity.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/**
 * Seals a checkpoint every quarter of an hour (nothing new is sealed when the log has not grown), so
 * that any later change to the trail is caught against a signed root no older than that.
 */
@Singleton
public class CheckpointSchedule {

    @EJB
    TrailLog log;

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void seal() {
        log.seal();
    }
}
