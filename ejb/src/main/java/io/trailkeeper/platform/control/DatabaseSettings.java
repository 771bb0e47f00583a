package io.trailkeeper.platform.control;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the application's database is, as configured. Resolved from MicroProfile Config keys, which
 * Payara also reads from environment variables ({@code TRAILKEEPER_DB_URL}, ...) and from password
 * aliases, so switching database never needs a rebuild.
 *
 * @param url      JDBC URL; {@code jdbc:h2:} or {@code jdbc:postgresql:}
 * @param user     may be empty for the embedded database
 * @param password never logged, never part of {@link #toString()}
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL_KEY = "trailkeeper.db.url";
    public static final String USER_KEY = "trailkeeper.db.user";
    public static final String PASSWORD_KEY = "trailkeeper.db.password";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (vendorOf(url).isEmpty()) {
            throw new IllegalArgumentException(URL_KEY + " must be a jdbc:h2: or jdbc:postgresql: URL, not '"
                    + redactedUrl(url) + "'");
        }
    }

    /**
     * @param config        looks a key up (MicroProfile Config in the server, a map in tests)
     * @param instanceRoot  the Payara domain directory, home of the embedded database file
     */
    public static DatabaseSettings resolve(Function<String, Optional<String>> config, Path instanceRoot) {
        String url = config.apply(URL_KEY).filter(s -> !s.isBlank())
                .orElseGet(() -> embeddedUrl(instanceRoot));
        return new DatabaseSettings(url.trim(), config.apply(USER_KEY).orElse(""), config.apply(PASSWORD_KEY).orElse(""));
    }

    static String embeddedUrl(Path instanceRoot) {
        Path file = instanceRoot.resolve("lib").resolve("databases").resolve("trailkeeper");
        // AUTO_SERVER lets a developer open the same file with the H2 console while Payara runs.
        // WRITE_DELAY=0: by default H2 writes a commit up to 500 ms later, so a crash could lose chunks
        // of an import whose checkpoint (in the batch job repository, another database) survived.
        return "jdbc:h2:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public DatabaseVendor vendor() {
        return vendorOf(url).orElseThrow();
    }

    public boolean embedded() {
        return vendor() == DatabaseVendor.H2;
    }

    private static Optional<DatabaseVendor> vendorOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(DatabaseVendor.H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(DatabaseVendor.POSTGRESQL);
        }
        return Optional.empty();
    }

    /** The URL without query parameters, which may carry a password. */
    public String redactedUrl() {
        return redactedUrl(url);
    }

    private static String redactedUrl(String url) {
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query) + "?…";
        // H2 takes settings after ';', and PASSWORD= is one of them.
        return withoutQuery.replaceAll("(?i)(;\\s*PASSWORD\\s*=)[^;]*", "$1…");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "<none>" : "<set>") + "]";
    }
}
