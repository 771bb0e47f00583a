package io.trailkeeper.retention.entity;

import java.time.Instant;
import java.util.List;

/**
 * A legal hold as an officer places it. {@code subjects} are data-subject identifiers, pseudonymised on
 * the way in and never stored; {@code subjectPseudonyms} are pseudonyms as the events browser shows them.
 */
public record HoldDefinition(String matter, String reason, List<String> subjects, List<String> subjectPseudonyms,
                             List<String> agents, List<String> sources, Instant from, Instant until) {
}
