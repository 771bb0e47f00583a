package io.trailkeeper.protection.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.platform.control.DatabaseSettings;
import io.trailkeeper.protection.control.MasterKey;
import io.trailkeeper.protection.control.Pseudonyms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key's custody as the server starts it: on PostgreSQL only a configured key is accepted
 * (Trailkeeper refuses to start, and writes no key of its own, without one); the embedded database
 * generates a development key once and keeps using it.
 */
class KeyCustodyTest {

    private static final DatabaseSettings POSTGRESQL = new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/trailkeeper", "app", "");
    private static final String CONFIGURED = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path domain;

    @Test
    void onPostgreSqlWithoutAMasterKeyItRefusesToStartAndWritesNoKey() throws IOException {
        for (Optional<String> absent : java.util.List.of(Optional.<String>empty(), Optional.of(""), Optional.of("   "))) {
            KeyCustody custody = custody(absent, POSTGRESQL);

            IllegalStateException refused = assertThrows(IllegalStateException.class, custody::load, "key " + absent);

            assertTrue(refused.getMessage().startsWith("trailkeeper.crypto.master-key is required when Trailkeeper runs on PostgreSQL"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
            assertTrue(isEmpty(domain), "no development key was written for a production database");
        }
    }

    @Test
    void onPostgreSqlAKeyThatIsNot32BytesIsRefused() {
        KeyCustody custody = custody(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), POSTGRESQL);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, custody::load);

        assertTrue(refused.getMessage().contains("32 bytes"), refused.getMessage());
        assertFalse(refused.getMessage().contains(Base64.getEncoder().encodeToString(new byte[16])), "the key is not repeated");
    }

    @Test
    void onPostgreSqlTheConfiguredKeyIsTheOneThatKeysPseudonymsAndWrapsDataKeys() throws IOException {
        KeyCustody custody = custody(Optional.of(CONFIGURED), POSTGRESQL);

        custody.load();

        Pseudonyms expected = new Pseudonyms(MasterKey.fromBase64(CONFIGURED, "test"));
        assertEquals(expected.of("cust-1042"), custody.pseudonyms().of("cust-1042"));
        assertTrue(isEmpty(domain), "a configured key is never written to disk");
        KeyCustody restarted = custody(Optional.of(CONFIGURED), POSTGRESQL);
        restarted.load();
        byte[] dataKey = new byte[32];
        dataKey[0] = 7;
        assertArrayEquals(dataKey, restarted.unwrap(custody.wrap(dataKey, "subject-a"), "subject-a"),
                "a data key wrapped before a restart opens after it");
    }

    @Test
    void aWrappedDataKeyOpensOnlyForItsOwnerAndOnlyUnderTheSameMasterKey() {
        KeyCustody custody = custody(Optional.of(CONFIGURED), POSTGRESQL);
        custody.load();
        KeyCustody other = custody(Optional.of(Base64.getEncoder().encodeToString(new byte[32])), POSTGRESQL);
        other.load();
        byte[] wrapped = custody.wrap(new byte[32], "subject-a");

        assertThrows(RuntimeException.class, () -> custody.unwrap(wrapped, "subject-b"), "moved to another subject");
        assertThrows(RuntimeException.class, () -> other.unwrap(wrapped, "subject-a"), "another master key");
    }

    @Test
    void onTheEmbeddedDatabaseADevelopmentKeyIsGeneratedOnceOwnerOnlyAndKeptAcrossRestarts() throws IOException {
        DatabaseSettings h2 = DatabaseSettings.resolve(key -> Optional.empty(), domain);
        KeyCustody first = custody(Optional.empty(), h2);
        first.load();

        Path file = domain.resolve("DEVELOPMENT-ONLY-master-key.b64");
        assertTrue(Files.isRegularFile(file), "the development key is kept where its name says what it is");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);

        KeyCustody restarted = custody(Optional.empty(), h2);
        restarted.load();
        assertEquals(first.pseudonyms().of("cust-1042"), restarted.pseudonyms().of("cust-1042"), "the same key after a restart");
        assertArrayEquals(first.lineIdKey(), restarted.lineIdKey());
    }

    @Test
    void onTheEmbeddedDatabaseAConfiguredKeyWinsAndNothingIsGenerated() throws IOException {
        KeyCustody custody = custody(Optional.of(CONFIGURED), DatabaseSettings.resolve(key -> Optional.empty(), domain));

        custody.load();

        assertTrue(isEmpty(domain));
        assertEquals(new Pseudonyms(MasterKey.fromBase64(CONFIGURED, "test")).of("cust-1042"), custody.pseudonyms().of("cust-1042"));
    }

    @Test
    void theKeysItDerivesDifferByPurpose() {
        KeyCustody custody = custody(Optional.of(CONFIGURED), POSTGRESQL);
        custody.load();

        byte[] lineIds = custody.lineIdKey();
        assertEquals(32, lineIds.length);
        assertFalse(java.util.Arrays.equals(MasterKey.fromBase64(CONFIGURED, "t").derive(KeyCustody.WRAPPING_PURPOSE), lineIds));
        lineIds[0] ^= 1;
        assertNotEquals(lineIds[0], custody.lineIdKey()[0], "callers get a copy, not the key itself");
    }

    private KeyCustody custody(Optional<String> configured, DatabaseSettings database) {
        KeyCustody custody = new KeyCustody();
        custody.configuredKey = configured;
        custody.database = () -> database;
        custody.secrets = () -> domain;
        return custody;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
