package io.trailkeeper.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    static final String POSTGRES_WITH_SECRET = "jdbc:postgresql://h/db?password=secret";

    @TempDir
    Path instanceRoot;

    static Function<String, Optional<String>> config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void withoutConfigurationTheEmbeddedH2FileUnderTheDomainIsUsed() {
        DatabaseSettings settings = DatabaseSettings.resolve(config(Map.of()), instanceRoot);

        String expectedFile = instanceRoot.resolve("lib").resolve("databases").resolve("trailkeeper").toAbsolutePath().toString();
        assertTrue(settings.url().startsWith("jdbc:h2:" + expectedFile), settings.url());
        assertEquals(DatabaseVendor.H2, settings.vendor());
        assertTrue(settings.embedded());
        assertEquals("", settings.user());
        assertEquals("", settings.password());
    }

    @Test
    void aConfiguredPostgresUrlWinsOverTheEmbeddedDatabase() {
        DatabaseSettings settings = DatabaseSettings.resolve(config(Map.of(
                DatabaseSettings.URL_KEY, "jdbc:postgresql://db.internal:5432/trailkeeper",
                DatabaseSettings.USER_KEY, "trailkeeper",
                DatabaseSettings.PASSWORD_KEY, "s3cret")), instanceRoot);

        assertEquals("jdbc:postgresql://db.internal:5432/trailkeeper", settings.url());
        assertEquals(DatabaseVendor.POSTGRESQL, settings.vendor());
        assertFalse(settings.embedded());
        assertEquals("trailkeeper", settings.user());
        assertEquals("s3cret", settings.password());
    }

    @Test
    void surroundingWhitespaceInTheConfiguredUrlIsIgnored() {
        DatabaseSettings settings = DatabaseSettings.resolve(
                config(Map.of(DatabaseSettings.URL_KEY, "  jdbc:postgresql://h/db \n")), instanceRoot);

        assertEquals("jdbc:postgresql://h/db", settings.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void aBlankConfiguredUrlFallsBackToTheEmbeddedDatabase(String blank) {
        DatabaseSettings settings = DatabaseSettings.resolve(config(Map.of(DatabaseSettings.URL_KEY, blank)), instanceRoot);

        assertEquals(DatabaseVendor.H2, settings.vendor());
        assertTrue(settings.url().contains(instanceRoot.toAbsolutePath().toString()), settings.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://h/db", "jdbc:oracle:thin:@h:1521/db", "postgresql://h/db", "h2:mem:x"})
    void anUnsupportedUrlIsRejectedNamingTheSetting(String url) {
        Function<String, Optional<String>> config = config(Map.of(DatabaseSettings.URL_KEY, url));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.resolve(config, instanceRoot));
        assertTrue(e.getMessage().contains("trailkeeper.db.url"), e.getMessage());
    }

    @Test
    void theRejectionOfAnUnsupportedUrlDoesNotRepeatItsSecrets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatabaseSettings("jdbc:mysql://h/db?user=u&password=secret", "u", "pw"));

        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseSettings settings = new DatabaseSettings(POSTGRES_WITH_SECRET, "trailkeeper", "hunter2-password");

        String text = settings.toString();
        assertFalse(text.contains("hunter2-password"), text);
        assertFalse(text.contains("secret"), text);
        assertTrue(text.contains("trailkeeper"), "the user helps diagnose a connection: " + text);
    }

    @Test
    void toStringTellsWhetherAPasswordIsSet() {
        assertTrue(new DatabaseSettings("jdbc:postgresql://h/db", "u", "pw").toString().contains("<set>"));
        assertTrue(new DatabaseSettings("jdbc:postgresql://h/db", "u", null).toString().contains("<none>"));
    }

    @Test
    void theRedactedUrlDropsTheQueryString() {
        DatabaseSettings settings = new DatabaseSettings(POSTGRES_WITH_SECRET, "u", "");

        assertFalse(settings.redactedUrl().contains("secret"), settings.redactedUrl());
        assertTrue(settings.redactedUrl().startsWith("jdbc:postgresql://h/db"), settings.redactedUrl());
    }

    @Test
    void aUrlWithoutQueryStringIsShownAsIs() {
        assertEquals("jdbc:postgresql://h/db", new DatabaseSettings("jdbc:postgresql://h/db", "u", "").redactedUrl());
    }

    @Test
    void aMissingUserAndPasswordBecomeEmpty() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:test", null, null);

        assertEquals("", settings.user());
        assertEquals("", settings.password());
    }
}
