package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.PolicyDefinition;
import io.trailkeeper.retention.entity.PolicyTerms;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.retention.entity.RuleDefinition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionChecksTest {

    private static final List<String> CLASSES = List.of("CONVERSATION_LOG", "ERROR_LOG", "UNCLASSIFIED");

    @Test
    void a_preset_gives_class_period_and_action_and_fields_override_it() {
        PolicyTerms terms = RetentionChecks.policy(new PolicyDefinition("CONVERSATION_LOG_90D", null, 120, null,
                List.of(" prod ", "prod"), List.of(), null), CLASSES);
        assertEquals("CONVERSATION_LOG", terms.recordClass());
        assertEquals(120, terms.periodDays());
        assertEquals(ExpiryAction.DELETE_EVENT, terms.expiryAction());
        assertEquals("CONVERSATION_LOG_90D", terms.preset());
        assertEquals(Set.of("prod"), terms.sources());
    }

    @Test
    void every_broken_rule_of_a_policy_is_listed_at_once() {
        RetentionRejected rejected = assertThrows(RetentionRejected.class, () -> RetentionChecks.policy(
                new PolicyDefinition("NO_PRESET", "NO_CLASS", 0, "SHRED", null, null, null), CLASSES));
        assertEquals(RetentionRejected.Reason.INVALID, rejected.reason());
        assertEquals(4, rejected.problems().size(), rejected.problems().toString());
    }

    @Test
    void a_rule_needs_a_known_class_and_a_condition_and_takes_the_next_order_by_default() {
        RuleDefinition valid = RetentionChecks.rule(new RuleDefinition(null, "ERROR_LOG", null, null, null, null, " error ", null, "why"),
                CLASSES, 910);
        assertEquals(910, valid.evaluationOrder());
        assertEquals("error", valid.resultPattern());
        assertNull(valid.actionPattern());
        RetentionRejected rejected = assertThrows(RetentionRejected.class, () -> RetentionChecks.rule(
                new RuleDefinition(1, "NOPE", null, null, " ", null, null, null, null), CLASSES, 1));
        assertEquals(2, rejected.problems().size(), rejected.problems().toString());
        assertTrue(rejected.problems().get(1).contains("at least one condition"));
    }

    @Test
    void changes_need_a_reason() {
        assertThrows(RetentionRejected.class, () -> RetentionChecks.reason(" "));
        assertEquals("audit finding 7", RetentionChecks.reason(" audit finding 7 "));
    }
}
