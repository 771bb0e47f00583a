package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.retention.entity.FrameworkSetting;
import io.trailkeeper.retention.entity.LegalFloor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegalFloorsTest {

    private static final FrameworkSetting HIPAA_ON = new FrameworkSetting("HIPAA", true, null, null, null, null);
    private static final FrameworkSetting HIPAA_OFF = new FrameworkSetting("HIPAA", false, null, null, null, null);
    private static final FrameworkSetting SOC2_ON = new FrameworkSetting("SOC2", true, 365, 90, null, null);

    @Test
    void frameworks_switched_off_raise_no_floor() {
        assertTrue(LegalFloors.of(true, true, List.of(HIPAA_OFF, new FrameworkSetting("SOC2", false, 365, 90, null, null))).isEmpty());
    }

    @Test
    void hipaa_keeps_safeguard_documentation_six_years_and_cites_its_rule() {
        List<LegalFloor> floors = LegalFloors.of(true, false, List.of(HIPAA_ON, SOC2_ON));
        assertEquals(1, floors.size());
        LegalFloor hipaa = floors.get(0);
        assertEquals(2192, hipaa.days(), "6 x 365 + two leap days: never short of six calendar years");
        assertEquals("45 CFR 164.316(b)(2)(i)", hipaa.citation());
        assertTrue(hipaa.described().contains("45 CFR 164.316(b)(2)(i)"));
    }

    @Test
    void hipaa_does_not_bind_classes_that_document_no_safeguard() {
        assertTrue(LegalFloors.of(false, false, List.of(HIPAA_ON, SOC2_ON)).isEmpty());
    }

    @Test
    void soc2_floor_is_the_audit_period_plus_the_configured_margin() {
        List<LegalFloor> floors = LegalFloors.of(false, true, List.of(new FrameworkSetting("SOC2", true, 180, 30, null, null)));
        assertEquals(210, floors.get(0).days());
        assertTrue(floors.get(0).rule().contains("180 + 30"));
    }

    @Test
    void the_highest_floor_binds_and_a_shorter_period_undercuts_it() {
        List<LegalFloor> floors = LegalFloors.of(true, true, List.of(SOC2_ON, HIPAA_ON));
        assertEquals("HIPAA", LegalFloors.binding(floors).orElseThrow().framework());
        assertEquals("HIPAA", LegalFloors.undercut(2191, floors).orElseThrow().framework());
        assertTrue(LegalFloors.undercut(2192, floors).isEmpty(), "meeting the floor exactly is allowed");
        assertTrue(LegalFloors.undercut(30, List.of()).isEmpty());
    }
}
