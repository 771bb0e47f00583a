package io.trailkeeper.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.SecretKeyFactorySpi;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashingTest {

    // The default work factor takes a noticeable fraction of a second per hash; most tests use the minimum.
    static final int FAST = 1000;

    final PasswordHashing hashing = new PasswordHashing(FAST);

    static char[] chars(String text) {
        return text.toCharArray();
    }

    @Test
    void aDefaultHashNamesAlgorithmIterationsSaltAndHash() {
        String stored = new PasswordHashing().hash(chars("correct horse battery"));

        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha512", parts[0]);
        assertEquals(String.valueOf(PasswordHashing.DEFAULT_ITERATIONS), parts[1]);
        assertEquals(210_000, PasswordHashing.DEFAULT_ITERATIONS);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "128-bit salt");
        assertEquals(64, Base64.getDecoder().decode(parts[3]).length, "512-bit hash");
    }

    @Test
    void aHashRecordsTheIterationsItWasMadeWith() {
        assertTrue(hashing.hash(chars("correct horse battery")).startsWith("pbkdf2-sha512$1000$"));
    }

    @Test
    void theCorrectPasswordMatches() {
        String stored = hashing.hash(chars("correct horse battery"));

        assertTrue(hashing.matches(chars("correct horse battery"), stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse batter", "Correct horse battery", "correct horse battery ", ""})
    void anyOtherPasswordDoesNotMatch(String other) {
        String stored = hashing.hash(chars("correct horse battery"));

        assertFalse(hashing.matches(chars(other), stored));
    }

    @Test
    void hashingTheSamePasswordTwiceGivesDifferentHashesBecauseOfTheSalt() {
        String first = hashing.hash(chars("correct horse battery"));
        String second = hashing.hash(chars("correct horse battery"));

        assertNotEquals(first, second);
        assertTrue(hashing.matches(chars("correct horse battery"), first));
        assertTrue(hashing.matches(chars("correct horse battery"), second));
    }

    @Test
    void aHashMadeWithAnotherWorkFactorStillVerifies() {
        String older = new PasswordHashing(FAST).hash(chars("correct horse battery"));

        PasswordHashing stronger = new PasswordHashing(2 * FAST);
        assertTrue(stronger.matches(chars("correct horse battery"), older));
        assertFalse(stronger.matches(chars("wrong horse battery"), older));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "not a hash",
            "$$$",
            "pbkdf2-sha512",
            "pbkdf2-sha512$1000$c2FsdHNhbHRzYWx0c2FsdA",
            "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha512$many$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha512$-5$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha512$0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha512$1000$not*base64!$aGFzaA",
            "pbkdf2-sha512$1000$c2FsdHNhbHRzYWx0c2FsdA$not*base64!",
            "pbkdf2-sha512$1000$$aGFzaA",
            "pbkdf2-sha512$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA$extra",
            "{bcrypt}$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
    })
    void aMalformedStoredHashNeverMatchesAndNeverThrows(String stored) {
        assertFalse(hashing.matches(chars("correct horse battery"), stored));
    }

    @Test
    void aStoredHashWithItsHashPartTamperedDoesNotMatch() {
        String stored = hashing.hash(chars("correct horse battery"));
        String[] parts = stored.split("\\$");
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        hash[0] ^= 1;
        String tampered = parts[0] + "$" + parts[1] + "$" + parts[2] + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(hash);

        assertFalse(hashing.matches(chars("correct horse battery"), tampered));
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 1, 0, -1})
    void refusesFewerThan1000Iterations(int iterations) {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHashing(iterations));
    }

    @Test
    void burningAnUnknownUsersPasswordRunsTheSameDerivationAsCheckingAKnownUsersPassword() {
        // Not the minimum, so that a burn with a fixed work factor of its own would show.
        PasswordHashing hashing = new PasswordHashing(3 * FAST);
        String stored = hashing.hash(chars("correct horse battery"));

        List<Derivation> derivations = Derivation.recordedDuring(() -> {
            hashing.matches(chars("wrong horse battery"), stored);
            hashing.burn(chars("whatever was typed"));
        });

        // Same algorithm, iterations, key and salt sizes: the same work, so the time taken does not
        // tell an unknown user name from a wrong password.
        assertEquals(2, derivations.size(), "one derivation for the check, one for the burn: " + derivations);
        Derivation check = derivations.get(0);
        assertEquals(new Derivation("PBKDF2WithHmacSHA512", 3 * FAST, 512, 16), check);
        assertEquals(check, derivations.get(1));
    }

    /**
     * One PBKDF2 key derivation as {@link PasswordHashing} asked the Java security providers for it.
     * {@link #recordedDuring} puts a provider in front of the others that notes each request and
     * hands it on to the runtime's own PBKDF2, so the hashes stay real.
     */
    record Derivation(String algorithm, int iterations, int keyBits, int saltBytes) {

        static List<Derivation> recordedDuring(Runnable work) {
            List<Derivation> recorded = Collections.synchronizedList(new ArrayList<>());
            Provider recording = new RecordingProvider(recorded);
            Security.insertProviderAt(recording, 1);
            try {
                work.run();
            } finally {
                Security.removeProvider(recording.getName());
            }
            return List.copyOf(recorded);
        }
    }

    static final class RecordingProvider extends Provider {

        RecordingProvider(List<Derivation> recorded) {
            super("TrailkeeperTestRecordingPbkdf2", "1", "notes PBKDF2 requests, then hands them on to SunJCE");
            // The weaker variants too, so that a burn on a cheaper one is recorded and shows as different.
            for (String algorithm : List.of("PBKDF2WithHmacSHA512", "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA1")) {
                putService(new Service(this, "SecretKeyFactory", algorithm, Recorder.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object constructorParameter) {
                        return new Recorder(algorithm, recorded);
                    }
                });
            }
        }
    }

    static final class Recorder extends SecretKeyFactorySpi {

        private final String algorithm;
        private final List<Derivation> recorded;

        Recorder(String algorithm, List<Derivation> recorded) {
            this.algorithm = algorithm;
            this.recorded = recorded;
        }

        @Override
        protected SecretKey engineGenerateSecret(KeySpec keySpec) throws InvalidKeySpecException {
            if (keySpec instanceof PBEKeySpec pbe) {
                recorded.add(new Derivation(algorithm, pbe.getIterationCount(), pbe.getKeyLength(), pbe.getSalt().length));
            }
            return runtimes().generateSecret(keySpec);
        }

        @Override
        protected KeySpec engineGetKeySpec(SecretKey key, Class<?> keySpecClass) throws InvalidKeySpecException {
            return runtimes().getKeySpec(key, keySpecClass);
        }

        @Override
        protected SecretKey engineTranslateKey(SecretKey key) throws InvalidKeyException {
            return runtimes().translateKey(key);
        }

        private SecretKeyFactory runtimes() {
            try {
                return SecretKeyFactory.getInstance(algorithm, "SunJCE");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
