package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL (production) Trailkeeper refuses to start without the master key or without the
 * checkpoint key pair, as the README promises: the deployment fails, the server log names the missing
 * setting, no page answers, no development key is generated in its place, and the database holds no
 * data key, event or account afterwards.
 *
 * <p>Runs with {@code -Ppostgresql} only, after the Arquillian suite, starting the suite's Payara with
 * asadmin itself without one of the keys, against a fresh database of its own.
 */
class ProductionKeysStartIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private String suiteUrl;
    private String user;
    private String database;
    private String databaseUrl;
    private PayaraDomain domain;

    @BeforeEach
    void createAFreshDatabase() throws SQLException {
        Assumptions.assumeTrue(Boolean.getBoolean("trailkeeper.crash-test"), "runs in the failsafe execution that drives the domain");
        suiteUrl = System.getProperty("trailkeeper.test.db-url", "");
        Assumptions.assumeTrue(suiteUrl.startsWith("jdbc:postgresql:"), "production keys are required on PostgreSQL only (-Ppostgresql)");
        user = System.getProperty("trailkeeper.test.db-user", "");
        database = "trailkeeper_keys_" + UUID.randomUUID().toString().substring(0, 8);
        databaseUrl = suiteUrl.substring(0, suiteUrl.lastIndexOf('/') + 1) + database;
        try (Connection suite = DriverManager.getConnection(suiteUrl, user, ""); Statement statement = suite.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void stopAndDropTheDatabase() throws SQLException {
        if (domain != null) {
            domain.undeployQuietly();
            domain.stopQuietly();
        }
        if (database != null) {
            try (Connection suite = DriverManager.getConnection(suiteUrl, user, ""); Statement statement = suite.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void withoutTheMasterKeyItRefusesToStart() throws Exception {
        String log = refusedStart(Map.of("TRAILKEEPER_CRYPTO_MASTER_KEY", ""));

        assertTrue(log.contains("trailkeeper.crypto.master-key is required when Trailkeeper runs on PostgreSQL"), tail(log));
        assertNothingStored("DEVELOPMENT-ONLY-master-key.b64");
    }

    @Test
    void withoutTheCheckpointKeyPairItRefusesToStart() throws Exception {
        String log = refusedStart(Map.of("TRAILKEEPER_INTEGRITY_SIGNING_KEY", "", "TRAILKEEPER_INTEGRITY_VERIFICATION_KEY", ""));

        assertTrue(log.contains("trailkeeper.integrity.signing-key and trailkeeper.integrity.verification-key are required "
                + "when Trailkeeper runs on PostgreSQL"), tail(log));
        assertNothingStored("DEVELOPMENT-ONLY-checkpoint-keys.b64");
    }

    /** Starts the server on the fresh database with these changes to the environment; returns what it logged. */
    private String refusedStart(Map<String, String> without) {
        Map<String, String> environment = new java.util.HashMap<>(without);
        environment.put("TRAILKEEPER_DB_URL", databaseUrl);
        // No administrator's password either: a refused start must not hand out a one-time password.
        environment.put("TRAILKEEPER_ADMIN_PASSWORD", "");
        domain = PayaraDomain.fromBuild().withEnvironment(environment);
        long mark = domain.logMark();
        domain.start();
        boolean deployed = domain.deploys(Path.of(System.getProperty("trailkeeper.ear")));
        String log = domain.logSince(mark);

        assertFalse(deployed, "the deployment is refused");
        assertEquals(404, client.get("/signin.xhtml", null).statusCode(), "no page of Trailkeeper answers");
        assertFalse(log.contains("TRAILKEEPER FIRST START"), "no one-time password was handed out: " + tail(log));
        return log;
    }

    private void assertNothingStored(String developmentSecret) throws SQLException, IOException {
        Path folder = PayaraDomain.fromBuild().trailkeeperFolder();
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertFalse(names.contains(developmentSecret), "no development secret in its place: " + names);
        }
        try (Connection fresh = DriverManager.getConnection(databaseUrl, user, "")) {
            for (String table : List.of("subject_key", "audit_event", "account")) {
                assertEquals(0, rowsOf(fresh, table), table);
            }
        }
    }

    /** Rows of a table, 0 when the table does not exist. */
    private static long rowsOf(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String tail(String log) {
        List<String> lines = new ArrayList<>(log.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
