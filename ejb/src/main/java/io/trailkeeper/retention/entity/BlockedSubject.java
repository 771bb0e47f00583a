package io.trailkeeper.retention.entity;

/**
 * A data subject whose records must not be purged while a request of theirs is open (by pseudonym,
 * never the identifier), with the request that blocks it.
 */
public record BlockedSubject(String subjectPseudonym, String requestReference) {
}
