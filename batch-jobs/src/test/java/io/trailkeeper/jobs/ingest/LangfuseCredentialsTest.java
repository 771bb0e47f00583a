package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangfuseCredentialsTest {

    final Map<String, String> config = Map.of("langfuse.prod.public-key", "pk-lf-1", "langfuse.prod.secret-key", "sk-lf-2");

    LangfuseCredentials resolve(String publicProperty, String secretProperty) {
        return LangfuseCredentials.resolve(name -> Optional.ofNullable(config.get(name)), publicProperty, secretProperty);
    }

    @Test
    void theKeysBecomeABasicAuthorizationThatIsNeverPrinted() {
        LangfuseCredentials credentials = resolve("langfuse.prod.public-key", "langfuse.prod.secret-key");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("pk-lf-1:sk-lf-2".getBytes(StandardCharsets.UTF_8)),
                credentials.authorization());
        assertFalse(credentials.toString().contains("sk-lf-2"));
        assertFalse(credentials.toString().contains(credentials.authorization().substring(6)));
    }

    @Test
    void aMissingPropertyIsNamedWithWhereToSetIt() {
        PullFailed failure = assertThrows(PullFailed.class, () -> resolve("langfuse.prod.public-key", "langfuse.staging.secret-key"));
        assertEquals("the configuration property 'langfuse.staging.secret-key' is not set; give it as a Payara password alias"
                + " (asadmin create-password-alias langfuse.staging.secret-key) or as the environment variable LANGFUSE_STAGING_SECRET_KEY",
                failure.getMessage());
        assertEquals("the job parameter 'publicKeyProperty' must name the configuration property that holds the key",
                assertThrows(PullFailed.class, () -> resolve(" ", "langfuse.prod.secret-key")).getMessage());
    }
}
