package io.trailkeeper.source.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a configuration property that holds a key of a pulled source (a Langfuse project's
 * public or secret key). Such names live in a namespace of their own, {@value #PREFIX}{@code <name>},
 * because a source sends the values it names to a host an officer chose: were any property allowed,
 * an officer could have the database password, the master key or any environment variable sent out
 * (OWASP ASVS 4.0.3 V14.1.3, secrets only where they are needed). Only administrators put values
 * into this namespace (environment or password alias), so naming one discloses nothing else.
 */
public record SourceKeyProperty(String name) {

    public static final String PREFIX = "trailkeeper.source-keys.";
    public static final int MAX_LENGTH = 200;
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public SourceKeyProperty {
        Optional<String> problem = problem(name);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** What is wrong with a property name, said without echoing it (it might be a pasted key); empty when it is one. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("required, the name of a configuration property such as " + example("public-key"));
        }
        if (name.length() > MAX_LENGTH || !name.startsWith(PREFIX) || !SUFFIX.matcher(name.substring(PREFIX.length())).matches()) {
            return Optional.of("must be a property of the source-key namespace, " + PREFIX
                    + "<lower-case letters, digits, '.', '_' or '-'> (at most " + MAX_LENGTH + " characters), e.g. "
                    + example("public-key") + "; no other configuration property can be named");
        }
        return Optional.empty();
    }

    public static boolean isOne(String name) {
        return problem(name).isEmpty();
    }

    public static String example(String key) {
        return PREFIX + "prod." + key;
    }

    /**
     * The environment variable MicroProfile Config also looks under (its third, most general rule:
     * every character that is not a letter, digit or '_' becomes '_', then upper case).
     */
    public String environmentVariable() {
        return name.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }
}
