package io.trailkeeper.source.entity;

import io.trailkeeper.trail.entity.SourceKind;

/**
 * What an officer says about a source: its identity (name, kind: fixed once created) and how it is
 * pulled. Fields that do not apply to the kind stay null. For Langfuse the two key fields are NAMES
 * of MicroProfile Config properties (e.g. {@code trailkeeper.source-keys.prod.secret-key}), never the keys.
 *
 * @param enabled             false pauses scheduled pulls; uploads and "pull now" still work
 * @param watchedDirectory    file kinds: absolute path of a directory to pull new files from, or null for uploads only
 * @param pollIntervalSeconds how often an enabled source is pulled on schedule
 */
public record SourceDefinition(String name, SourceKind kind, String description, Boolean enabled,
                               String watchedDirectory, Integer pollIntervalSeconds,
                               String baseUrl, String publicKeyProperty, String secretKeyProperty, Integer pageSize) {
}
