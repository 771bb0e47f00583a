package io.trailkeeper.integrity.control;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link LogVerification} found, phrased as the auditor's questions: was a stored event changed
 * ({@code changed}), removed without a recorded deletion ({@code missing}), or added without ever being
 * logged ({@code unexpected})? Does every sealed checkpoint still match the leaves recorded for it
 * ({@code checkpoints})? All leaf indexes are 0-based positions in the log.
 *
 * @param ok                     true only when nothing at all was found
 * @param checkedSize            how many recorded leaves were examined (the log's size)
 * @param firstMismatch          the lowest leaf index at which rows and recorded leaves disagree in any way
 * @param changed                rows whose recomputed leaf hash differs from the one recorded at append time
 * @param missing                recorded leaves whose row is gone and whose removal the log does not record
 * @param deletionsAccountedFor  recorded leaves whose row is gone because of a deletion the log records
 * @param unexpected             rows at positions the log never recorded (insertions)
 * @param recordedGaps           positions below the log's size with no recorded leaf hash: the leaf table itself was damaged
 * @param checkpoints            one result per checkpoint, in the order given
 */
public record VerificationReport(
        boolean ok,
        long checkedSize,
        OptionalLong firstMismatch,
        CappedIndexes changed,
        CappedIndexes missing,
        long deletionsAccountedFor,
        CappedIndexes unexpected,
        CappedIndexes recordedGaps,
        List<CheckpointResult> checkpoints) {

    public VerificationReport {
        Objects.requireNonNull(firstMismatch, "firstMismatch");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(unexpected, "unexpected");
        Objects.requireNonNull(recordedGaps, "recordedGaps");
        checkpoints = List.copyOf(checkpoints);
    }

    /** The checkpoint as sealed, and the root recomputed from the recorded leaves of its size (null when the log is shorter). */
    public record CheckpointResult(TreeHead sealed, Status status, TreeHead recomputed) {

        public CheckpointResult {
            Objects.requireNonNull(sealed, "sealed");
            Objects.requireNonNull(status, "status");
        }
    }

    public enum Status {
        /** The recorded leaves up to the checkpoint's size hash to its root. */
        MATCHES,
        /** They hash to another root: leaves recorded before the checkpoint were altered. */
        DIFFERS,
        /** The log holds fewer leaves than the checkpoint sealed: it was truncated. */
        BEYOND_LOG
    }
}
