package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the bundled sample trail once, when {@code trailkeeper.sample-data=true} (the run command sets
 * it; production leaves it off). The import starts from a timer so that it runs after deployment has
 * finished rather than inside it.
 */
@Singleton
@Startup
public class SampleTrailLoader {

    public static final String SOURCE = "sample-trail";
    static final String RESOURCE = "io/trailkeeper/ingest/sample/agent-actions-sample.jsonl";
    private static final Logger LOG = Logger.getLogger(SampleTrailLoader.class.getName());

    @Inject
    @ConfigProperty(name = "trailkeeper.sample-data", defaultValue = "false")
    boolean enabled;

    @Resource
    TimerService timers;

    @EJB
    TrailIngestion ingestion;

    @EJB
    ImportLauncher launcher;

    @PostConstruct
    void scheduleOnce() {
        if (enabled) {
            timers.createSingleActionTimer(1_000, new TimerConfig("sample-trail", false));
        }
    }

    @Timeout
    void load() {
        if (ingestion.findSource(SOURCE).isPresent()) {
            return;
        }
        try (InputStream sample = SampleTrailLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (sample == null) {
                throw new IllegalStateException("the sample trail " + RESOURCE + " is missing from the build");
            }
            ImportStatus started = launcher.importUpload(SOURCE, SourceKind.JSONL_FILE, "agent-actions-sample.jsonl", sample);
            LOG.info(() -> "Importing the sample trail (execution " + started.executionId() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
