package io.trailkeeper.platform.control;

/** The databases Trailkeeper runs on; each has its own folder of vendor-specific migrations. */
public enum DatabaseVendor {
    H2("org.h2.jdbcx.JdbcDataSource", "h2"),
    POSTGRESQL("org.postgresql.ds.PGSimpleDataSource", "postgresql");

    private final String dataSourceClass;
    private final String migrationFolder;

    DatabaseVendor(String dataSourceClass, String migrationFolder) {
        this.dataSourceClass = dataSourceClass;
        this.migrationFolder = migrationFolder;
    }

    public String dataSourceClass() {
        return dataSourceClass;
    }

    public String migrationFolder() {
        return migrationFolder;
    }
}
