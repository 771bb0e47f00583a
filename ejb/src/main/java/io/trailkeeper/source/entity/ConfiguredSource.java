package io.trailkeeper.source.entity;

import io.trailkeeper.trail.entity.SourceKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A source as officers see it: identity, pulling settings (defaults when nobody configured it yet,
 * as for a source created by an upload) and what it holds. Credentials appear only as property names.
 *
 * @param configured      false while the source has only default settings
 * @param eventsStored    audit events stored from this source
 * @param quarantinedOpen records set aside and not yet resolved
 */
public record ConfiguredSource(UUID id, String name, SourceKind kind, String description, Instant createdAt,
                               boolean configured, boolean enabled, String watchedDirectory, int pollIntervalSeconds,
                               String baseUrl, String publicKeyProperty, String secretKeyProperty, Integer pageSize,
                               long eventsStored, long quarantinedOpen) {

    /** Whether a pull has anything to read without an upload. */
    public boolean pullable() {
        return kind == SourceKind.LANGFUSE_API || watchedDirectory != null;
    }
}
