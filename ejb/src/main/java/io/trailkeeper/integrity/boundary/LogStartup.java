package io.trailkeeper.integrity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** Brings events stored before the log existed into it, once, before anything is verified. */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "CheckpointKeys"})
public class LogStartup {

    private static final Logger LOG = Logger.getLogger(LogStartup.class.getName());

    @EJB
    TrailLog log;

    @PostConstruct
    void backfill() {
        int appended = log.appendMissing();
        if (appended > 0) {
            LOG.info(() -> "Appended " + appended + " earlier events to the tamper-evident log");
        }
    }
}
