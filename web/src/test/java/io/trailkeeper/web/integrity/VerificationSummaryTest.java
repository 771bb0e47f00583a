package io.trailkeeper.web.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.control.CappedIndexes;
import io.trailkeeper.integrity.control.TreeHead;
import io.trailkeeper.integrity.control.VerificationReport;
import io.trailkeeper.integrity.control.VerificationReport.CheckpointResult;
import io.trailkeeper.integrity.control.VerificationReport.Status;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VerificationSummaryTest {

    private static final TreeHead AT_10 = new TreeHead(10, new byte[32]);
    private static final TreeHead AT_4 = new TreeHead(4, new byte[32]);

    @Test
    void anIntactLogIsVerifiedInOneSentence() {
        VerificationReport report = new VerificationReport(true, 10, OptionalLong.empty(), CappedIndexes.none(), CappedIndexes.none(),
                0, CappedIndexes.none(), CappedIndexes.none(), List.of(new CheckpointResult(AT_10, Status.MATCHES, AT_10)));

        VerificationSummary summary = VerificationSummary.of(report, null);

        assertTrue(summary.verified());
        assertEquals("Verified: all 10 events in the log match their recorded leaves, and the checkpoint still matches.",
                summary.headline());
        assertTrue(summary.findings().isEmpty());
        assertTrue(summary.checkpoints().get(0).outcome().startsWith("matches"));
    }

    @Test
    void findingsNameTheLeafIndexesAndTheCheckpointsThatNoLongerMatch() {
        VerificationReport report = new VerificationReport(false, 10, OptionalLong.of(3), new CappedIndexes(1, List.of(3L)),
                new CappedIndexes(2, List.of(5L, 6L)), 0, CappedIndexes.none(), CappedIndexes.none(),
                List.of(new CheckpointResult(AT_10, Status.BEYOND_LOG, null), new CheckpointResult(AT_4, Status.DIFFERS, AT_4)));

        VerificationSummary summary = VerificationSummary.of(report, "events 0 to 9");

        assertFalse(summary.verified());
        assertEquals("Not verified: events 0 to 9 were checked and 3 problems were found.", summary.headline());
        assertEquals("1 event is changed since being recorded (fields or content, or for a recorded deletion its ground, requester or "
                + "deleted leaf, no longer match the recorded leaf): leaf index 3.",
                summary.findings().get(0));
        assertTrue(summary.findings().get(1).startsWith("2 events are missing from the trail"), summary.findings().toString());
        assertTrue(summary.findings().get(1).endsWith("leaf indexes 5, 6."), summary.findings().toString());
        assertEquals(List.of(4L, 10L), summary.checkpoints().stream().map(VerificationSummary.CheckpointLine::treeSize).toList(),
                "smallest checkpoint first");
        assertTrue(summary.checkpoints().get(1).outcome().contains("truncated"));
    }

    @Test
    void recordedDeletionsAreAccountedForNotProblems() {
        VerificationReport report = new VerificationReport(true, 12, OptionalLong.empty(), CappedIndexes.none(), CappedIndexes.none(),
                2, CappedIndexes.none(), CappedIndexes.none(), List.of(new CheckpointResult(AT_10, Status.MATCHES, AT_10)));

        VerificationSummary summary = VerificationSummary.of(report, null);

        assertTrue(summary.verified());
        assertEquals("Verified: all 12 leaves of the log agree with the trail, and the checkpoint still matches.", summary.headline());
        assertEquals("2 events were deleted by retention or erasure, and the log records each deletion: they are accounted for, "
                + "not missing.", summary.deletions());
        assertTrue(summary.findings().isEmpty());
    }

    @Test
    void aRowDeletedBehindTheLogIsAProblemBesideTheRecordedDeletions() {
        VerificationReport report = new VerificationReport(false, 12, OptionalLong.of(4), CappedIndexes.none(),
                new CappedIndexes(1, List.of(4L)), 1, CappedIndexes.none(), CappedIndexes.none(), List.of());

        VerificationSummary summary = VerificationSummary.of(report, null);

        assertFalse(summary.verified());
        assertEquals("Not verified: all 12 leaves of the log were checked and one problem was found.", summary.headline());
        assertTrue(summary.findings().get(0).startsWith("1 event is missing from the trail, and the log records no deletion"),
                summary.findings().toString());
        assertTrue(summary.deletions().startsWith("1 event was deleted by retention or erasure"), summary.deletions());
    }

    @Test
    void withoutDeletionsThereIsNoSentenceAboutThem() {
        VerificationReport report = new VerificationReport(true, 10, OptionalLong.empty(), CappedIndexes.none(), CappedIndexes.none(),
                0, CappedIndexes.none(), CappedIndexes.none(), List.of());

        assertEquals(null, VerificationSummary.of(report, null).deletions());
    }

    @Test
    void longListsAreCutWithACountOfTheRest() {
        List<Long> first = LongStream.range(0, 100).boxed().toList();
        VerificationReport report = new VerificationReport(false, 5000, OptionalLong.of(0), new CappedIndexes(4000, first),
                CappedIndexes.none(), 0, CappedIndexes.none(), CappedIndexes.none(), List.of());

        String finding = VerificationSummary.of(report, null).findings().get(0);

        assertTrue(finding.endsWith("19 and 3980 more."), finding);
    }
}
