package io.trailkeeper.trail.entity;

/**
 * How an event's content bytes are to be read. Recorded per row so that encrypted and older plain
 * rows can live side by side while the trail is migrated, and so erasure can tell what it destroyed.
 */
public enum ContentEncoding {
    /** UTF-8 JSON object in clear; only rows stored before per-subject encryption have it. */
    PLAIN_JSON,
    /**
     * UTF-8 JSON object sealed with AES-256-GCM under the data key of the event's subject
     * ({@code version | nonce | ciphertext+tag}, the event id as associated data).
     */
    AES256_GCM_V1
}
