package io.trailkeeper.jobs.ingest;

import io.trailkeeper.source.entity.SourceKeyProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The key pair a Langfuse project issues (public key as user, secret key as password of HTTP Basic
 * authentication). Only the names of the configuration properties that hold them travel in job
 * parameters; the values are looked up when a pull starts and live only in memory, in the header
 * built from them. Through MicroProfile Config the values can come from an environment variable
 * ({@code trailkeeper.source-keys.prod.secret-key} from {@code TRAILKEEPER_SOURCE_KEYS_PROD_SECRET_KEY}) or, on
 * Payara, from a password alias of the same name ({@code asadmin create-password-alias trailkeeper.source-keys.prod.secret-key}),
 * which Payara's password config source serves (ordinal 105; an environment variable, ordinal 300
 * in MicroProfile Config, wins when both are set). Only names of the source-key namespace
 * ({@link SourceKeyProperty}) are looked up.
 */
public final class LangfuseCredentials {

    private final String authorization;
    private final String publicKeyProperty;
    private final String secretKeyProperty;

    private LangfuseCredentials(String authorization, String publicKeyProperty, String secretKeyProperty) {
        this.authorization = authorization;
        this.publicKeyProperty = publicKeyProperty;
        this.secretKeyProperty = secretKeyProperty;
    }

    /**
     * @param configuration looks a property up by name (MicroProfile Config in the server)
     * @throws PullFailed naming the property that is missing, never a value
     */
    public static LangfuseCredentials resolve(Function<String, Optional<String>> configuration,
                                              String publicKeyProperty, String secretKeyProperty) {
        String publicKey = value(configuration, "publicKeyProperty", publicKeyProperty);
        String secretKey = value(configuration, "secretKeyProperty", secretKeyProperty);
        if (publicKey.indexOf(':') >= 0) {
            // RFC 7617: the user-id of Basic authentication cannot contain a colon.
            throw new PullFailed("the Langfuse public key in configuration property '" + publicKeyProperty
                    + "' contains ':', which no Langfuse key does; check the property");
        }
        String header = "Basic " + Base64.getEncoder()
                .encodeToString((publicKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        return new LangfuseCredentials(header, publicKeyProperty, secretKeyProperty);
    }

    private static String value(Function<String, Optional<String>> configuration, String parameter, String property) {
        if (property == null || property.isBlank()) {
            throw new PullFailed("the job parameter '" + parameter + "' must name the configuration property that holds the key");
        }
        Optional<String> outside = SourceKeyProperty.problem(property.strip());
        if (outside.isPresent()) {
            // Only the source-key namespace may be sent out: never the database password or the master key.
            throw new PullFailed("the job parameter '" + parameter + "' " + outside.get());
        }
        Optional<String> value;
        try {
            value = configuration.apply(property.strip());
        } catch (RuntimeException e) {
            throw new PullFailed("the configuration property '" + property.strip() + "' could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        return value.map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new PullFailed("the configuration property '" + property.strip() + "' is not set; give it as "
                        + "a Payara password alias (asadmin create-password-alias " + property.strip() + ") or as the environment variable "
                        + new SourceKeyProperty(property.strip()).environmentVariable()));
    }

    /** @return the value of the Authorization header; never log it */
    String authorization() {
        return authorization;
    }

    /** @return which properties the keys came from, to point a person at them */
    String origin() {
        return "'" + publicKeyProperty + "' and '" + secretKeyProperty + "'";
    }

    @Override
    public String toString() {
        return "LangfuseCredentials[from " + origin() + "]";
    }
}
