package io.trailkeeper.web.integrity;

import io.trailkeeper.integrity.control.CappedIndexes;
import io.trailkeeper.integrity.control.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A verification report in the words an officer or auditor would use: one headline, one line per kind
 * of finding (with the leaf indexes to look at), and one line per checkpoint.
 *
 * @param verified   nothing was found
 * @param headline   the outcome in one sentence
 * @param findings   what was found, one sentence per kind; empty when verified
 * @param deletions  how many of the checked events were deleted by retention or erasure as the log records
 *                   (not a problem), in one sentence; null when none were
 * @param checkpoints each checkpoint's outcome, smallest first
 */
public record VerificationSummary(boolean verified, String headline, List<String> findings, String deletions,
                                  List<CheckpointLine> checkpoints) {

    /** How many indexes a sentence lists before saying how many more there are. */
    static final int LISTED = 20;

    public record CheckpointLine(long treeSize, String status, String outcome) {
    }

    /** @param range "events 10 to 19" or null when the whole log was verified */
    public static VerificationSummary of(VerificationReport report, String range) {
        long deleted = report.deletionsAccountedFor();
        // With deletions the log holds a leaf per deletion besides the events' own leaves.
        String scope = range != null ? range
                : deleted == 0 ? "all " + report.checkedSize() + " events in the log"
                : "all " + report.checkedSize() + " leaves of the log";
        List<String> findings = new ArrayList<>();
        // A changed deletion leaf is listed here too: its ground, requester or deleted leaf no longer match what it recorded.
        describe(findings, report.changed(), "changed since being recorded (fields or content, or for a recorded deletion its ground, "
                + "requester or deleted leaf, no longer match the recorded leaf)");
        describe(findings, report.missing(), "missing from the trail, and the log records no deletion of them");
        describe(findings, report.unexpected(), "in the trail but never recorded in the log (inserted behind Trailkeeper's back)");
        describe(findings, report.recordedGaps(), "missing from the log's own leaf table (the log itself was damaged)");
        List<CheckpointLine> checkpoints = report.checkpoints().stream()
                .sorted((a, b) -> Long.compare(a.sealed().treeSize(), b.sealed().treeSize()))
                .map(c -> new CheckpointLine(c.sealed().treeSize(), c.status().name(), outcome(c.status())))
                .toList();
        long differing = report.checkpoints().stream().filter(c -> c.status() != VerificationReport.Status.MATCHES).count();
        if (differing > 0) {
            findings.add(differing + (differing == 1 ? " checkpoint no longer matches" : " checkpoints no longer match")
                    + " the recorded leaves (see below).");
        }
        String headline = report.ok()
                ? "Verified: " + scope + (range == null && deleted > 0 ? " agree with the trail" : " match their recorded leaves")
                        + checkpointClause(checkpoints.size())
                : "Not verified: " + scope + " were checked and " + (findings.size() == 1 ? "one problem was" : findings.size() + " problems were")
                        + " found.";
        String deletions = deleted == 0 ? null
                : deleted == 1 ? "1 event was deleted by retention or erasure, and the log records the deletion: it is accounted for, not missing."
                : deleted + " events were deleted by retention or erasure, and the log records each deletion: they are accounted for, not missing.";
        return new VerificationSummary(report.ok(), headline, List.copyOf(findings), deletions, checkpoints);
    }

    private static String checkpointClause(int count) {
        return count == 0 ? "; no checkpoint was there to compare." : count == 1 ? ", and the checkpoint still matches."
                : ", and all " + count + " checkpoints still match.";
    }

    private static void describe(List<String> findings, CappedIndexes indexes, String what) {
        if (indexes.isEmpty()) {
            return;
        }
        List<Long> shown = indexes.first().subList(0, Math.min(LISTED, indexes.first().size()));
        String listed = shown.stream().map(String::valueOf).collect(Collectors.joining(", "));
        long more = indexes.count() - shown.size();
        findings.add(indexes.count() + (indexes.count() == 1 ? " event is " : " events are ") + what + ": leaf "
                + (indexes.count() == 1 ? "index " : "indexes ") + listed + (more > 0 ? " and " + more + " more" : "") + ".");
    }

    private static String outcome(VerificationReport.Status status) {
        switch (status) {
            case MATCHES:
                return "matches: the recorded leaves still hash to its signed root";
            case DIFFERS:
                return "does not match: leaves recorded before it were altered";
            case BEYOND_LOG:
                return "lies beyond the log: the log now holds fewer leaves than this checkpoint sealed (truncated)";
            default:
                throw new IllegalStateException("unknown status " + status);
        }
    }
}
