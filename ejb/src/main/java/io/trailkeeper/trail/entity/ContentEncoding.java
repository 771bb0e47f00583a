package io.trailkeeper.trail.entity;

/**
 * How an event's content bytes are to be read. Recorded per row so that encrypted and older plain
 * rows can live side by side while the trail is migrated, and so erasure can tell what it destroyed.
 */
public enum ContentEncoding {
    /** UTF-8 JSON object, stored as received after masking. */
    PLAIN_JSON
}
