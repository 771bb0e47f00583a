package io.trailkeeper.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for the whole application, in UTC, so that tests and evidence agree on "now". */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock utcClock() {
        return Clock.systemUTC();
    }
}
