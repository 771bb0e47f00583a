package io.trailkeeper.jobs.ingest;

import java.time.Duration;

/** Waiting between attempts; tests record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Pause {

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
