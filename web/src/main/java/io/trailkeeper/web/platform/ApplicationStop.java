package io.trailkeeper.web.platform;

import io.trailkeeper.jobs.recovery.RunsAtStop;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web module stops first when the application stops, while the beans of the other modules still
 * answer: the moment to hand running imports and pulls over to the next start ({@link RunsAtStop}).
 */
@WebListener
public class ApplicationStop implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ApplicationStop.class.getName());

    @EJB
    RunsAtStop runs;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            runs.stopRunsOfThisInstance();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not stop the running imports and pulls with the application; its next start"
                    + " continues them", e);
        }
    }
}
