package io.trailkeeper.residency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.TransferMechanism;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingChecksTest {

    private final SettingChecks checks = new SettingChecks(ResidencyCatalogReader.shipped());

    @Test
    void jurisdictionsAreEeaAKnownCountryOrTheWildcardWhereAllowed() {
        assertEquals("EEA", checks.jurisdiction("j", "eea", false));
        assertEquals("DE", checks.jurisdiction("j", " de ", false));
        assertEquals("*", checks.jurisdiction("j", "*", true));
        assertEquals(null, checks.jurisdiction("j", "*", false));
        assertEquals(null, checks.jurisdiction("j", "XX", false));
        assertEquals(2, checks.problems().size(), checks.problems().toString());
    }

    @Test
    void classesCountriesAndMechanismsAreValidatedAndNamed() {
        assertEquals(List.of(JurisdictionClass.EEA, JurisdictionClass.ADEQUATE), checks.classes("c", List.of("adequate", "EEA")));
        assertEquals(List.of("CH", "GB"), checks.countries("k", List.of("gb", "CH")));
        assertEquals(TransferMechanism.Kind.NONE, checks.mechanism(null));
        assertEquals(TransferMechanism.Kind.SCCS, checks.mechanism("sccs"));
        checks.classes("c", List.of("MOON"));
        checks.mechanism("handshake");
        checks.placeable(null, "mars-north-1");
        checks.placeable("openai", "api.openai.com");
        assertEquals(3, checks.problems().size(), checks.problems().toString());
        assertTrue(checks.problems().get(2).contains("mars-north-1"));
    }
}
