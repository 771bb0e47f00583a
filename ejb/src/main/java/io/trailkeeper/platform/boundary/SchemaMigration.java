package io.trailkeeper.platform.boundary;

import io.trailkeeper.platform.control.DatabaseVendor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects before any other bean touches the database.
 * Every bean that needs tables at start-up declares {@code @DependsOn("SchemaMigration")}; JPA's own
 * schema generation is off, so these migrations are the only author of the schema.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "io.trailkeeper.platform.control.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                      "fish.payara.connection-validation-method=meta-data"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/trailkeeper";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private DatabaseVendor vendor;

    @PostConstruct
    void migrate() {
        vendor = detectVendor();
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrationFolder())
                .table("schema_history")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Trailkeeper schema on " + vendor + " is at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private DatabaseVendor detectVendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("postgres") ? DatabaseVendor.POSTGRESQL : DatabaseVendor.H2;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the Trailkeeper database: " + e.getMessage(), e);
        }
    }

    public DatabaseVendor vendor() {
        return vendor;
    }
}
