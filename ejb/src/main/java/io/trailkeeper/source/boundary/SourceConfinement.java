package io.trailkeeper.source.boundary;

import io.trailkeeper.platform.control.TrailkeeperFolder;
import io.trailkeeper.source.control.DestinationPolicy;
import io.trailkeeper.source.control.SourceRules;
import io.trailkeeper.source.control.WatchRoots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where sources may lead the server: the directories a file source may watch ({@link WatchRoots},
 * by default only {@code <domain>/trailkeeper/watched}, created at start) and the hosts a pulled
 * source may be fetched from ({@link DestinationPolicy}, by default only public ones). Judged when a
 * source is saved, when it is tested, and again before every pull, since the file system, DNS and
 * the configuration can change after a source was saved.
 */
@ApplicationScoped
public class SourceConfinement {

    private static final Logger LOG = Logger.getLogger(SourceConfinement.class.getName());

    private WatchRoots watchRoots;
    private DestinationPolicy destinations;

    protected SourceConfinement() {
        // for the container's proxy
    }

    @Inject
    public SourceConfinement(@ConfigProperty(name = WatchRoots.CONFIGURED) Optional<String> configuredRoots,
                             @ConfigProperty(name = DestinationPolicy.ALLOWED_PRIVATE_HOSTS) Optional<String> allowedHosts) {
        this.watchRoots = WatchRoots.of(ownedDirectory(), configuredRoots.orElse(null));
        this.destinations = DestinationPolicy.of(allowedHosts.orElse(null));
    }

    /** The directory Trailkeeper owns for watched trails, created at start so an operator can fill it at once. */
    void createOwnedDirectory(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Path owned = watchRoots.roots().get(0);
        try {
            Files.createDirectories(owned);
            LOG.info(() -> "Watched directories may lie in " + watchRoots.roots());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for watched trails " + owned, e);
        }
    }

    /** The directories a watched directory may lie in, for officers to read. */
    public String watchRootsDescribed() {
        return watchRoots.roots().stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    public SourceRules rules() {
        return new SourceRules(watchRoots, destinations);
    }

    /** Why the server may not read this directory for a source, or empty when it may. */
    public Optional<String> directoryRefusal(String directory) {
        Path path = Path.of(directory);
        if (!path.isAbsolute() || !path.normalize().equals(path)) {
            return Optional.of("the watched directory must be an absolute path without '.' or '..' segments");
        }
        return watchRoots.refusal(path).map(refusal -> "the watched directory " + refusal);
    }

    /**
     * Why no request may go to this URL now (resolving its host), or empty when it may. A host that
     * cannot be resolved is not refused here: the request itself fails then.
     */
    public Optional<String> destinationRefusal(URI uri) {
        DestinationPolicy.Decision decision = destinations.check(uri);
        return decision.verdict() == DestinationPolicy.Verdict.REFUSED ? Optional.of(decision.reason()) : Optional.empty();
    }

    static Path ownedDirectory() {
        return TrailkeeperFolder.resolve("watched");
    }
}
