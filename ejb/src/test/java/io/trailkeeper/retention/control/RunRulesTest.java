package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trailkeeper.retention.entity.DryRunLine;
import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.retention.entity.RunLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void a_run_deletes_as_of_now_or_earlier_never_later() {
        assertEquals(NOW, RunRules.referenceInstant(null, NOW));
        assertEquals(NOW.minusSeconds(60), RunRules.referenceInstant(NOW.minusSeconds(60), NOW));
        RetentionRejected refused = assertThrows(RetentionRejected.class, () -> RunRules.referenceInstant(NOW.plusSeconds(1), NOW));
        assertEquals(RetentionRejected.Reason.INVALID, refused.reason());
    }

    @Test
    void content_destruction_is_planned_as_not_yet_supported_and_deletes_nothing() {
        RunLine delete = RunRules.planned(line(ExpiryAction.DELETE_EVENT));
        RunLine keepMetadata = RunRules.planned(line(ExpiryAction.KEEP_METADATA_DESTROY_CONTENT));
        assertNull(delete.note());
        assertEquals(RunRules.CONTENT_DESTRUCTION_NOT_SUPPORTED, keepMetadata.note());
        assertEquals(false, keepMetadata.carriedOut());
        assertEquals(3, delete.wouldGo());
        assertEquals(0, delete.deleted());
    }

    @Test
    void a_position_in_an_unknown_policy_starts_from_the_first() {
        RunLine a = RunRules.planned(line(ExpiryAction.DELETE_EVENT));
        RunLine b = RunRules.planned(line(ExpiryAction.DELETE_EVENT));
        assertEquals(1, RunRules.indexOf(List.of(a, b), b.policyId()));
        assertEquals(-1, RunRules.indexOf(List.of(a, b), UUID.randomUUID()));
    }

    private static DryRunLine line(ExpiryAction action) {
        return new DryRunLine(UUID.randomUUID(), 1, "CONVERSATION_LOG", List.of(), List.of(), 90, action, NOW.minusSeconds(90 * 86400L),
                4, 3, 1, List.of(), null, null);
    }
}
