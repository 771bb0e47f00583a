package io.trailkeeper.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source behind the application's pool connects where configuration says, with its user and
 * password, through the vendor's own data source, and says so plainly when that vendor's driver is missing.
 */
class ConfiguredDataSourceTest {

    @TempDir
    Path folder;

    @Test
    void connectsToTheConfiguredH2DatabaseWithItsUserAndPassword() throws SQLException {
        String url = "jdbc:h2:" + folder.resolve("configured").toAbsolutePath();
        ConfiguredDataSource dataSource = new ConfiguredDataSource(() -> new DatabaseSettings(url, "keeper", "s3cret-db-pw"));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id INT)");
            statement.execute("INSERT INTO marker VALUES (42)");
        }

        try (Connection direct = DriverManager.getConnection(url, "keeper", "s3cret-db-pw");
             ResultSet row = direct.createStatement().executeQuery("SELECT id FROM marker")) {
            assertTrue(row.next(), "the row went to the configured database");
            assertEquals(42, row.getInt(1));
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "keeper", "another-password").close(),
                "the database was created with the configured password");
        assertTrue(dataSource.isWrapperFor(org.h2.jdbcx.JdbcDataSource.class), "H2's own data source does the work");
    }

    @Test
    void readsTheSettingsOnceAtTheFirstConnectionNotWhenPayaraCreatesIt() throws SQLException {
        AtomicInteger reads = new AtomicInteger();
        String url = "jdbc:h2:" + folder.resolve("lazy").toAbsolutePath();
        ConfiguredDataSource dataSource = new ConfiguredDataSource(() -> {
            reads.incrementAndGet();
            return new DatabaseSettings(url, "", "");
        });
        assertEquals(0, reads.get(), "configuration is read when the pool first connects");

        dataSource.getConnection().close();
        dataSource.getConnection().close();

        assertEquals(1, reads.get());
    }

    @Test
    void onPostgreSqlItConfiguresTheDriversDataSourceAndRewritesBatchedInserts() throws SQLException {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(
                () -> new DatabaseSettings("jdbc:postgresql://db.example:5433/trail", "keeper", "s3cret-db-pw"));

        PGSimpleDataSource postgres = dataSource.unwrap(PGSimpleDataSource.class);

        assertEquals("db.example", postgres.getServerNames()[0]);
        assertEquals(5433, postgres.getPortNumbers()[0]);
        assertEquals("trail", postgres.getDatabaseName());
        assertEquals("keeper", postgres.getUser());
        assertEquals("s3cret-db-pw", postgres.getPassword());
        assertTrue(postgres.getReWriteBatchedInserts(), "imports' JDBC batches go as multi-row INSERTs");
    }

    @Test
    void aPostgreSqlUrlThatNamesBatchRewritingKeepsItsOwnChoice() throws SQLException {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(
                () -> new DatabaseSettings("jdbc:postgresql://db.example/trail?reWriteBatchedInserts=false", "keeper", ""));

        assertFalse(dataSource.unwrap(PGSimpleDataSource.class).getReWriteBatchedInserts());
    }

    @Test
    void withoutTheVendorsDriverItSaysWhichDataSourceIsMissing() throws Exception {
        String url = "jdbc:h2:" + folder.resolve("nodriver").toAbsolutePath();
        ConfiguredDataSource dataSource = new ConfiguredDataSource(() -> new DatabaseSettings(url, "", ""));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader withoutDrivers = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(withoutDrivers);
            SQLException missing = assertThrows(SQLException.class, dataSource::getConnection);
            assertEquals("Cannot create the H2 data source org.h2.jdbcx.JdbcDataSource: is its JDBC driver on the class path?",
                    missing.getMessage());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void unwrapsToItselfAsADataSource() throws SQLException {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(() -> {
            throw new AssertionError("no settings needed");
        });

        assertSame(dataSource, dataSource.unwrap(DataSource.class));
        assertSame(dataSource, dataSource.unwrap(ConfiguredDataSource.class));
    }
}
