package io.trailkeeper.platform.control;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The driver-level data source behind the application's connection pool. Payara instantiates it by
 * class name (see {@code @DataSourceDefinition} on {@code SchemaMigration}); it reads
 * {@link DatabaseSettings} from configuration and delegates to the vendor's own data source.
 *
 * <p>Why not configure the pool per vendor in XML: the issue demands that the database is chosen by
 * configuration, not by rebuilding or re-editing the EAR. The H2 driver comes from Payara itself,
 * the PostgreSQL driver from the EAR's {@code lib/}; both are loaded by name so neither is needed
 * where it isn't used.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private final Supplier<DatabaseSettings> settings;
    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** As Payara creates it: the settings from configuration, read at the first connection. */
    public ConfiguredDataSource() {
        this(ConfiguredDataSource::currentSettings);
    }

    /** With the settings from elsewhere (a test). */
    ConfiguredDataSource(Supplier<DatabaseSettings> settings) {
        this.settings = settings;
    }

    private DataSource delegate() throws SQLException {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = create(settings.get());
                    delegate = current;
                }
            }
        }
        return current;
    }

    public static DatabaseSettings currentSettings() {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        String instanceRoot = System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.dir"));
        return DatabaseSettings.resolve(key -> config.getOptionalValue(key, String.class), Path.of(instanceRoot));
    }

    private DataSource create(DatabaseSettings settings) throws SQLException {
        LOG.info(() -> "Trailkeeper database: " + settings.vendor() + " at " + settings.redactedUrl());
        try {
            Class<?> type = Class.forName(settings.vendor().dataSourceClass(), true, classLoader());
            DataSource ds = (DataSource) type.getConstructor().newInstance();
            invoke(type, ds, settings.vendor() == DatabaseVendor.H2 ? "setURL" : "setUrl", settings.url());
            if (!settings.user().isEmpty()) {
                invoke(type, ds, "setUser", settings.user());
            }
            if (!settings.password().isEmpty()) {
                invoke(type, ds, "setPassword", settings.password());
            }
            if (settings.vendor() == DatabaseVendor.POSTGRESQL && !settings.url().toLowerCase(Locale.ROOT).contains("rewritebatchedinserts")) {
                // Imports write each chunk as JDBC batches; sent as multi-row INSERTs they cost PostgreSQL a
                // fraction of one statement per row. A URL that names the setting keeps its own choice.
                type.getMethod("setReWriteBatchedInserts", boolean.class).invoke(ds, true);
            }
            return ds;
        } catch (ReflectiveOperationException e) {
            throw new SQLException("Cannot create the " + settings.vendor() + " data source "
                    + settings.vendor().dataSourceClass() + ": is its JDBC driver on the class path?", e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : ConfiguredDataSource.class.getClassLoader();
    }

    private static void invoke(Class<?> type, Object target, String setter, String value) throws ReflectiveOperationException {
        Method method = type.getMethod(setter, String.class);
        method.invoke(target, value);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
