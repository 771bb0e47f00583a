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

    @Test
    void subjectsPseudonymisedOnManyThreadsAtOnceGetTheirOwnPseudonyms() throws Exception {
        java.util.List<String> subjects = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "cust-" + i).toList();
        java.util.Map<String, String> oneByOne = new java.util.HashMap<>();
        for (String subject : subjects) {
            oneByOne.put(subject, new Pseudonyms(key(7)).of(subject));
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> subjects.stream().allMatch(s -> oneByOne.get(s).equals(pseudonyms.of(s)))));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
