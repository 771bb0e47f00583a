package io.trailkeeper.source.boundary;

import io.trailkeeper.source.control.LangfuseProbe;
import io.trailkeeper.source.control.WatchedDirectory;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.SourceKeyProperty;
import io.trailkeeper.source.entity.SourceTestResult;
import io.trailkeeper.source.entity.SourceTestResult.Check;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Tests a source as a pull would use it, without pulling: the watched directory can be read and how
 * many files it offers; the Langfuse credentials resolve from configuration and the API accepts them.
 * Results say which property is missing, never what a property holds, and say nothing of paths or
 * hosts outside what {@link SourceConfinement} allows: a test must not probe the server's file system
 * or network.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // network and file system only
public class SourceCheck {

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Inject
    SourceConfinement confinement;

    public SourceTestResult test(ConfiguredSource source) {
        return source.kind() == SourceKind.LANGFUSE_API ? testLangfuse(source) : testDirectory(source);
    }

    /**
     * Why this source may not be pulled now: its directory or host lies outside what is allowed, or a
     * key property outside the source-key namespace (a source saved before these rules). Empty when it may.
     */
    public Optional<String> pullRefusal(ConfiguredSource source) {
        if (source.kind() != SourceKind.LANGFUSE_API) {
            return source.watchedDirectory() == null ? Optional.empty() : confinement.directoryRefusal(source.watchedDirectory());
        }
        for (String property : new String[] {source.publicKeyProperty(), source.secretKeyProperty()}) {
            Optional<String> problem = SourceKeyProperty.problem(property);
            if (problem.isPresent()) {
                return Optional.of("a key property " + problem.get() + "; edit the source");
            }
        }
        return confinement.destinationRefusal(URI.create(source.baseUrl()));
    }

    /** The two credentials named by a Langfuse source, or empty when one is missing or outside the source-key namespace. */
    public Optional<String[]> credentials(ConfiguredSource source) {
        Optional<String> publicKey = value(source.publicKeyProperty());
        Optional<String> secretKey = value(source.secretKeyProperty());
        return publicKey.isPresent() && secretKey.isPresent()
                ? Optional.of(new String[] {publicKey.get(), secretKey.get()}) : Optional.empty();
    }

    private SourceTestResult testDirectory(ConfiguredSource source) {
        List<Check> checks = new ArrayList<>();
        if (source.watchedDirectory() == null) {
            checks.add(new Check("directory", true, "no watched directory: this source receives uploads only"));
            return SourceTestResult.of(checks, null, null);
        }
        Optional<String> refused = confinement.directoryRefusal(source.watchedDirectory());
        if (refused.isPresent()) {
            // Said before looking: whether a path outside the roots exists is none of the test's business.
            checks.add(new Check("allowed", false, refused.get()));
            return SourceTestResult.of(checks, null, null);
        }
        Path directory = Path.of(source.watchedDirectory());
        boolean exists = Files.exists(directory);
        checks.add(new Check("exists", exists, exists ? "the path exists on the server" : "no such path on the server"));
        if (!exists) {
            return SourceTestResult.of(checks, null, null);
        }
        boolean isDirectory = Files.isDirectory(directory);
        checks.add(new Check("directory", isDirectory, isDirectory ? "it is a directory" : "it is not a directory"));
        boolean readable = isDirectory && Files.isReadable(directory) && Files.isExecutable(directory);
        checks.add(new Check("readable", readable, readable ? "the server may list and read it"
                : "the server's user may not list it"));
        if (!readable) {
            return SourceTestResult.of(checks, null, null);
        }
        try {
            WatchedDirectory.Scan scan = WatchedDirectory.scan(directory, clock.instant());
            int candidates = scan.candidates().size() + scan.more();
            checks.add(new Check("files", true, candidates + " file(s) named *.jsonl, *.ndjson or *.json ready to read"
                    + (scan.settling() > 0 ? ", " + scan.settling() + " still being written" : "")
                    + " (files already imported are skipped by a pull)"));
            return SourceTestResult.of(checks, candidates, null);
        } catch (IOException e) {
            checks.add(new Check("files", false, "listing failed: " + e.getClass().getSimpleName()));
            return SourceTestResult.of(checks, null, null);
        }
    }

    private SourceTestResult testLangfuse(ConfiguredSource source) {
        List<Check> checks = new ArrayList<>();
        Optional<String> refused = pullRefusal(source);
        if (refused.isPresent()) {
            // Nothing resolved and nothing sent: neither whether a property is set nor whether a host answers.
            checks.add(new Check("allowed", false, refused.get()));
            return SourceTestResult.of(checks, null, null);
        }
        Optional<String> publicKey = value(source.publicKeyProperty());
        Optional<String> secretKey = value(source.secretKeyProperty());
        checks.add(resolved("publicKey", source.publicKeyProperty(), publicKey.isPresent()));
        checks.add(resolved("secretKey", source.secretKeyProperty(), secretKey.isPresent()));
        if (publicKey.isEmpty() || secretKey.isEmpty()) {
            return SourceTestResult.of(checks, null, null);
        }
        LangfuseProbe.Answer answer = new LangfuseProbe().probe(source.baseUrl(), publicKey.get(), secretKey.get().toCharArray());
        checks.add(new Check("reachable", answer.reachable(), answer.reachable() ? source.baseUrl() + " answered" : answer.detail()));
        if (answer.reachable()) {
            checks.add(new Check("authorised", answer.authorised(), answer.detail()));
        }
        return SourceTestResult.of(checks, null, answer.status());
    }

    private static Check resolved(String name, String property, boolean present) {
        return new Check(name, present, present
                ? "the property " + property + " is set"
                : "the property " + property + " is not set (environment variable "
                        + new SourceKeyProperty(property).environmentVariable()
                        + ", or asadmin create-password-alias " + property + ")");
    }

    private Optional<String> value(String property) {
        if (!SourceKeyProperty.isOne(property)) {
            return Optional.empty(); // never look up a property outside the namespace
        }
        return config.getOptionalValue(property, String.class).filter(v -> !v.isBlank());
    }
}
