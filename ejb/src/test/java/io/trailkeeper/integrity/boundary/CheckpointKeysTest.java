package io.trailkeeper.integrity.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.control.CheckpointSignature;
import io.trailkeeper.platform.control.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint key pair as the server starts it: on PostgreSQL only a configured pair is accepted
 * (both halves; without them Trailkeeper refuses to start and writes no pair of its own); the
 * embedded database generates a development pair once and keeps using it.
 */
class CheckpointKeysTest {

    private static final DatabaseSettings POSTGRESQL = new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/trailkeeper", "app", "");
    private static final KeyPair PAIR = CheckpointSignature.newKeyPair();
    private static final String PRIVATE = Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    private static final String PUBLIC = Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());

    @TempDir
    Path domain;

    @Test
    void onPostgreSqlWithoutBothKeysItRefusesToStartAndWritesNoPair() throws IOException {
        List<Optional<String>[]> incomplete = List.of(pair(Optional.empty(), Optional.empty()), pair(Optional.of(PRIVATE), Optional.empty()),
                pair(Optional.empty(), Optional.of(PUBLIC)), pair(Optional.of(PRIVATE), Optional.of(" ")), pair(Optional.of(""), Optional.of(PUBLIC)));
        for (Optional<String>[] keys : incomplete) {
            CheckpointKeys checkpointKeys = keys(keys[0], keys[1], POSTGRESQL);

            IllegalStateException refused = assertThrows(IllegalStateException.class, checkpointKeys::load);

            assertTrue(refused.getMessage().startsWith("trailkeeper.integrity.signing-key and trailkeeper.integrity.verification-key "
                    + "are required when Trailkeeper runs on PostgreSQL"), refused.getMessage());
            assertTrue(refused.getMessage().contains("openssl genpkey -algorithm ed25519"), refused.getMessage());
            assertTrue(isEmpty(domain), "no development pair was written for a production database");
        }
    }

    @Test
    void onPostgreSqlTheConfiguredPairSignsAndVerifies() throws Exception {
        CheckpointKeys keys = keys(Optional.of(PRIVATE), Optional.of(PUBLIC), POSTGRESQL);

        keys.load();

        assertArrayEquals(PAIR.getPublic().getEncoded(), keys.verification().getEncoded(), "the published key is the configured one");
        byte[] signature = sign(keys.signing(), "checkpoint");
        assertTrue(verifies(PAIR.getPublic(), "checkpoint", signature), "signed with the configured private key");
        assertTrue(isEmpty(domain));
    }

    @Test
    void aKeyThatIsNotAnEd25519KeyIsRefused() {
        CheckpointKeys keys = keys(Optional.of("bm90IGEga2V5"), Optional.of(PUBLIC), POSTGRESQL);

        assertThrows(IllegalArgumentException.class, keys::load);
    }

    @Test
    void onTheEmbeddedDatabaseADevelopmentPairIsGeneratedOnceOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        DatabaseSettings h2 = DatabaseSettings.resolve(key -> Optional.empty(), domain);
        CheckpointKeys first = keys(Optional.empty(), Optional.empty(), h2);
        first.load();

        Path file = domain.resolve("DEVELOPMENT-ONLY-checkpoint-keys.b64");
        assertTrue(Files.isRegularFile(file));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertTrue(verifies(first.verification(), "checkpoint", sign(first.signing(), "checkpoint")), "the two halves belong together");

        CheckpointKeys restarted = keys(Optional.empty(), Optional.empty(), h2);
        restarted.load();
        assertArrayEquals(first.verification().getEncoded(), restarted.verification().getEncoded(),
                "checkpoints sealed before a restart still verify after it");
        assertTrue(verifies(first.verification(), "checkpoint", sign(restarted.signing(), "checkpoint")));
    }

    @Test
    void onTheEmbeddedDatabaseAConfiguredPairWinsAndNothingIsGenerated() throws Exception {
        CheckpointKeys keys = keys(Optional.of(PRIVATE), Optional.of(PUBLIC), DatabaseSettings.resolve(key -> Optional.empty(), domain));

        keys.load();

        assertArrayEquals(PAIR.getPublic().getEncoded(), keys.verification().getEncoded());
        assertTrue(isEmpty(domain));
    }

    private CheckpointKeys keys(Optional<String> privateKey, Optional<String> publicKey, DatabaseSettings database) {
        CheckpointKeys keys = new CheckpointKeys();
        keys.configuredPrivate = privateKey;
        keys.configuredPublic = publicKey;
        keys.database = () -> database;
        keys.secrets = () -> domain;
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String>[] pair(Optional<String> privateKey, Optional<String> publicKey) {
        return new Optional[] {privateKey, publicKey};
    }

    private static byte[] sign(PrivateKey key, String text) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return signature.sign();
    }

    private static boolean verifies(PublicKey key, String text, byte[] signed) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return signature.verify(signed);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
