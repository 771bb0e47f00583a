package io.trailkeeper.retention.entity;

import java.util.List;

/**
 * A retention policy as an officer asks for it: either a {@code preset} (its class, period and expiry
 * action, each of which may be overridden) or the class, period in days and expiry action; optionally
 * narrowed to sources (by name) and agents (by id). {@code reason} says why (required for changes).
 */
public record PolicyDefinition(String preset, String recordClass, Integer periodDays, String expiryAction,
                               List<String> sources, List<String> agents, String reason) {
}
