package io.trailkeeper.retention.entity;

import java.util.UUID;

/**
 * Two active policies that cover some of the same events: reported, not resolved silently.
 * {@code winner} governs the events both cover, by {@code rule}.
 */
public record PolicyConflict(String recordClass, UUID first, UUID second, String overlap, UUID winner, String rule) {
}
