package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangfuseCredentialsTest {

    final Map<String, String> config = Map.of("trailkeeper.source-keys.prod.public-key", "pk-lf-1", "trailkeeper.source-keys.prod.secret-key", "sk-lf-2");

    LangfuseCredentials resolve(String publicProperty, String secretProperty) {
        return LangfuseCredentials.resolve(name -> Optional.ofNullable(config.get(name)), publicProperty, secretProperty);
    }

    @Test
    void theKeysBecomeABasicAuthorizationThatIsNeverPrinted() {
        LangfuseCredentials credentials = resolve("trailkeeper.source-keys.prod.public-key", "trailkeeper.source-keys.prod.secret-key");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("pk-lf-1:sk-lf-2".getBytes(StandardCharsets.UTF_8)),
                credentials.authorization());
        assertFalse(credentials.toString().contains("sk-lf-2"));
        assertFalse(credentials.toString().contains(credentials.authorization().substring(6)));
    }

    @Test
    void aMissingPropertyIsNamedWithWhereToSetIt() {
        PullFailed failure = assertThrows(PullFailed.class, () -> resolve("trailkeeper.source-keys.prod.public-key", "trailkeeper.source-keys.staging.secret-key"));
        assertEquals("the configuration property 'trailkeeper.source-keys.staging.secret-key' is not set; give it as a Payara password alias"
                + " (asadmin create-password-alias trailkeeper.source-keys.staging.secret-key) or as the environment variable TRAILKEEPER_SOURCE_KEYS_STAGING_SECRET_KEY",
                failure.getMessage());
        assertEquals("the job parameter 'publicKeyProperty' must name the configuration property that holds the key",
                assertThrows(PullFailed.class, () -> resolve(" ", "trailkeeper.source-keys.prod.secret-key")).getMessage());
    }

    @Test
    void onlyPropertiesOfTheSourceKeyNamespaceAreLookedUp() {
        // A source saved before the namespace existed, or a forged job parameter, must not send out other configuration.
        List<String> looked = new ArrayList<>();
        PullFailed failure = assertThrows(PullFailed.class, () -> LangfuseCredentials.resolve(name -> {
            looked.add(name);
            return Optional.of("value of " + name);
        }, "user.name", "trailkeeper.db.password"));
        assertEquals(List.of(), looked, "nothing outside the namespace is read");
        assertTrue(failure.getMessage().startsWith("the job parameter 'publicKeyProperty' must be a property of the source-key namespace"),
                failure.getMessage());
    }
}
