package io.trailkeeper.web.source;

import io.trailkeeper.jobs.source.PullStatus;
import io.trailkeeper.jobs.source.SourcePulls;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.trail.entity.SourceKind;
import java.time.Instant;
import java.util.UUID;

/** A source as the API and the page show it: settings (credential property names only), counts and the last pull. */
public record SourceView(UUID id, String name, SourceKind kind, String description, Instant createdAt, boolean configured,
                         boolean enabled, String watchedDirectory, int pollIntervalSeconds, String baseUrl,
                         String publicKeyProperty, String secretKeyProperty, Integer pageSize,
                         long eventsStored, long quarantinedOpen, PullStatus lastPull) {

    static SourceView of(ConfiguredSource s, PullStatus lastPull) {
        return new SourceView(s.id(), s.name(), s.kind(), s.description(), s.createdAt(), s.configured(), s.enabled(),
                s.watchedDirectory(), s.pollIntervalSeconds(), s.baseUrl(), s.publicKeyProperty(), s.secretKeyProperty(),
                s.pageSize(), s.eventsStored(), s.quarantinedOpen(), lastPull);
    }

    /** The source as officers see it, with its latest pull. */
    static SourceView withLastPull(ConfiguredSource s, SourcePulls pulls) {
        return of(s, pulls.last(s.id()).orElse(null));
    }
}
