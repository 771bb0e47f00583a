package io.trailkeeper.integrity.control;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the log commits to for one stored audit event (kind {@value #EVENT}) or one recorded deletion
 * (kind {@value #DELETION}, written when retention or an erasure removes an event, so that the missing
 * row is explained by the log itself). Only non-personal fields, plus the SHA-256 of the event's
 * encrypted content: destroying a data subject's key makes the content unreadable but leaves this
 * hash, and with it the log, intact.
 *
 * <p>{@code kind} and {@code eventId} are required; every other text field and the content hash may
 * be null, which the encoding keeps apart from an empty string.
 */
public record EventLeaf(
        String kind,
        String eventId,
        long occurredAtEpochMillis,
        String sourceId,
        String sourceEventId,
        String agentId,
        String action,
        String target,
        String result,
        String region,
        byte[] contentSha256) {

    public static final String EVENT = "EVENT";
    public static final String DELETION = "DELETION";

    public EventLeaf {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("a leaf needs a kind, e.g. " + EVENT + " or " + DELETION);
        }
        if (contentSha256 != null && contentSha256.length != MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("contentSha256 must be " + MerkleHashes.HASH_BYTES + " bytes, not " + contentSha256.length);
        }
        contentSha256 = contentSha256 == null ? null : contentSha256.clone();
    }

    /**
     * The leaf that records this event's deletion: the same fields under kind {@value #DELETION}, so an
     * auditor who holds the event's fields can tell exactly which event was removed, and the two leaves
     * never share a hash.
     */
    public EventLeaf asDeletion() {
        if (!EVENT.equals(kind)) {
            throw new IllegalStateException("only an " + EVENT + " leaf can be deleted, not a " + kind + " leaf");
        }
        return new EventLeaf(DELETION, eventId, occurredAtEpochMillis, sourceId, sourceEventId, agentId, action, target, result,
                region, contentSha256);
    }

    @Override
    public byte[] contentSha256() {
        return contentSha256 == null ? null : contentSha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventLeaf that
                && occurredAtEpochMillis == that.occurredAtEpochMillis
                && kind.equals(that.kind)
                && eventId.equals(that.eventId)
                && Objects.equals(sourceId, that.sourceId)
                && Objects.equals(sourceEventId, that.sourceEventId)
                && Objects.equals(agentId, that.agentId)
                && Objects.equals(action, that.action)
                && Objects.equals(target, that.target)
                && Objects.equals(result, that.result)
                && Objects.equals(region, that.region)
                && Arrays.equals(contentSha256, that.contentSha256);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(kind, eventId, occurredAtEpochMillis, sourceId, sourceEventId, agentId, action, target,
                result, region) + Arrays.hashCode(contentSha256);
    }

    @Override
    public String toString() {
        return "EventLeaf[kind=" + kind + ", eventId=" + eventId + ", occurredAtEpochMillis=" + occurredAtEpochMillis
                + ", sourceId=" + sourceId + ", sourceEventId=" + sourceEventId + ", agentId=" + agentId
                + ", action=" + action + ", target=" + target + ", result=" + result + ", region=" + region
                + ", contentSha256=" + (contentSha256 == null ? null : HexFormat.of().formatHex(contentSha256)) + "]";
    }
}
