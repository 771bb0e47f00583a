package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.LegalFloor;
import io.trailkeeper.retention.entity.PolicyPreset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionPresetsTest {

    @Test
    void presets_follow_the_practice_of_the_issue() {
        Map<String, Integer> days = RetentionPresets.all().stream()
                .collect(Collectors.toMap(PolicyPreset::recordClass, PolicyPreset::periodDays));
        assertEquals(Map.of("CONVERSATION_LOG", 90, "TOOL_CALL_LOG", 90, "SECURITY_AUDIT_LOG", 366, "AUTHENTICATION_EVENT", 90,
                "AUTHORIZATION_EVENT", 90, "DATA_ACCESS_EVENT", 30, "ERROR_LOG", 7), days);
        assertTrue(days.get("SECURITY_AUDIT_LOG") >= 365, "security/audit logs at least one year");
        assertTrue(RetentionPresets.all().stream().allMatch(p -> p.expiryAction() == ExpiryAction.DELETE_EVENT));
    }

    @Test
    void a_preset_below_the_binding_floor_is_listed_as_not_allowed() {
        PolicyPreset dataAccess = RetentionPresets.named("DATA_ACCESS_EVENT_30D").orElseThrow();
        PolicyPreset judged = dataAccess.judged(new LegalFloor("HIPAA", "HIPAA documentation retention", "45 CFR 164.316(b)(2)(i)", 2192));
        assertFalse(judged.allowed());
        assertEquals(2192, judged.floor().days());
        assertTrue(dataAccess.judged(null).allowed());
    }
}
