package io.trailkeeper.protection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static MasterKey key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes), "test");
    }

    private final Pseudonyms pseudonyms = new Pseudonyms(key(7));

    @Test
    void theSameSubjectAlwaysGetsTheSamePseudonym() {
        assertEquals(pseudonyms.of("cust-10234"), pseudonyms.of("cust-10234"));
        assertEquals(pseudonyms.of("cust-10234"), new Pseudonyms(key(7)).of(" cust-10234 "));
    }

    @Test
    void differentSubjectsGetDifferentPseudonyms() {
        assertNotEquals(pseudonyms.of("cust-10234"), pseudonyms.of("cust-10235"));
    }

    @Test
    void withoutTheKeyThePseudonymCannotBeReproduced() {
        assertNotEquals(pseudonyms.of("cust-10234"), new Pseudonyms(key(8)).of("cust-10234"));
    }

    @Test
    void aPseudonymRevealsNothingOfTheIdentifierAndFitsItsColumn() {
        String pseudonym = pseudonyms.of("jane.doe@example.com");

        assertFalse(pseudonym.contains("jane"));
        assertTrue(pseudonym.length() <= 64, pseudonym);
        assertTrue(Pseudonyms.isPseudonym(pseudonym), pseudonym);
        assertFalse(Pseudonyms.isPseudonym("cust-10234"));
    }

    @Test
    void aBlankIdentifierHasNoPseudonym() {
        assertThrows(IllegalArgumentException.class, () -> pseudonyms.of(" "));
        assertThrows(IllegalArgumentException.class, () -> pseudonyms.of(null));
    }
}
