package io.trailkeeper.integrity.control;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the log commits to for one stored audit event (kind {@value #EVENT}): only non-personal fields,
 * plus the SHA-256 of the event's encrypted content. Destroying a data subject's key makes the content
 * unreadable but leaves this hash, and with it the log, intact.
 *
 * <p>Kind {@value #DELETION} is how deletion leaves were written before migration V13: the deleted
 * event's fields under another kind. Such leaves stay in logs that have them and still verify (see
 * {@link DeletionLeaves}); new deletions are {@link DeletionLeaf}s, which also commit to the ground and
 * the requester.
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
