package io.trailkeeper.source.entity;

/**
 * What a run did: records read (lines, spans or observations), new events stored, events the trail
 * already had, records set aside in quarantine.
 */
public record PullCounts(long read, long stored, long duplicates, long quarantined) {

    public static final PullCounts NONE = new PullCounts(0, 0, 0, 0);
}
