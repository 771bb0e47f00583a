package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.retention.control.PolicyPrecedence.Scope;
import io.trailkeeper.retention.entity.PolicyConflict;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyPrecedenceTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private static Scope scope(String cls, Set<String> sources, Set<String> agents, int days, int createdSecond) {
        return new Scope(UUID.randomUUID(), cls, sources, agents, days, T.plusSeconds(createdSecond));
    }

    @Test
    void policies_of_different_classes_or_disjoint_scopes_do_not_overlap() {
        Scope a = scope("ERROR_LOG", Set.of("prod"), Set.of(), 7, 0);
        assertFalse(PolicyPrecedence.overlap(a, scope("CONVERSATION_LOG", Set.of("prod"), Set.of(), 90, 1)));
        assertFalse(PolicyPrecedence.overlap(a, scope("ERROR_LOG", Set.of("test"), Set.of(), 30, 1)));
        assertTrue(PolicyPrecedence.overlap(a, scope("ERROR_LOG", Set.of(), Set.of("bot"), 30, 1)));
        assertTrue(PolicyPrecedence.overlap(a, scope("ERROR_LOG", Set.of("prod", "test"), Set.of(), 30, 1)));
    }

    @Test
    void the_more_specific_policy_wins_even_with_a_shorter_period() {
        Scope wholeClass = scope("ERROR_LOG", Set.of(), Set.of(), 30, 0);
        Scope oneAgent = scope("ERROR_LOG", Set.of(), Set.of("noisy-bot"), 1, 1);
        List<PolicyConflict> conflicts = PolicyPrecedence.conflicts(List.of(wholeClass, oneAgent));
        assertEquals(1, conflicts.size());
        assertEquals(oneAgent.id(), conflicts.get(0).winner());
        assertTrue(conflicts.get(0).rule().contains("more specific"), conflicts.get(0).rule());
        assertEquals(List.of(oneAgent), PolicyPrecedence.outranking(wholeClass, List.of(wholeClass, oneAgent)));
        assertTrue(PolicyPrecedence.outranking(oneAgent, List.of(wholeClass, oneAgent)).isEmpty());
    }

    @Test
    void between_equally_specific_policies_the_longer_period_then_the_older_wins() {
        Scope shorter = scope("CONVERSATION_LOG", Set.of(), Set.of(), 30, 0);
        Scope longer = scope("CONVERSATION_LOG", Set.of(), Set.of(), 90, 1);
        PolicyConflict conflict = PolicyPrecedence.conflicts(List.of(shorter, longer)).get(0);
        assertEquals(longer.id(), conflict.winner());
        assertTrue(conflict.rule().contains("longer period"), conflict.rule());

        Scope older = scope("CONVERSATION_LOG", Set.of(), Set.of(), 90, 0);
        Scope newer = scope("CONVERSATION_LOG", Set.of(), Set.of(), 90, 5);
        assertEquals(older.id(), PolicyPrecedence.conflicts(List.of(newer, older)).get(0).winner());
    }

    @Test
    void every_overlapping_pair_is_reported_once() {
        Scope a = scope("TOOL_CALL_LOG", Set.of(), Set.of(), 90, 0);
        Scope b = scope("TOOL_CALL_LOG", Set.of("prod"), Set.of(), 30, 1);
        Scope c = scope("TOOL_CALL_LOG", Set.of("prod"), Set.of("bot"), 10, 2);
        Scope unrelated = scope("TOOL_CALL_LOG", Set.of("test"), Set.of("other"), 10, 3);
        assertEquals(4, PolicyPrecedence.conflicts(List.of(a, b, c, unrelated)).size(), "a-b, a-c, b-c, a-unrelated");
        assertEquals(List.of(c), PolicyPrecedence.outranking(b, List.of(a, b, c, unrelated)));
    }
}
