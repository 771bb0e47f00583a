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
 * @param checkpoints each checkpoint's outcome, smallest first
 */
public record VerificationSummary(boolean verified, String headline, List<String> findings, List<CheckpointLine> checkpoints) {

    /** How many indexes a sentence lists before saying how many more there are. */
    static final int LISTED = 20;

    public record CheckpointLine(long treeSize, String status, String outcome) {
    }

    /** @param range "events 10 to 19" or null when the whole log was verified */
    public static VerificationSummary of(VerificationReport report, String range) {
        String scope = range == null ? "all " + report.checkedSize() + " events in the log" : range;
        List<String> findings = new ArrayList<>();
        describe(findings, report.changed(), "changed since being stored (fields or content no longer match the recorded leaf)");
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
                ? "Verified: " + scope + " match their recorded leaves" + checkpointClause(checkpoints.size())
                : "Not verified: " + scope + " were checked and " + (findings.size() == 1 ? "one problem was" : findings.size() + " problems were")
                        + " found.";
        return new VerificationSummary(report.ok(), headline, List.copyOf(findings), checkpoints);
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
