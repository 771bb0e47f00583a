package io.trailkeeper.source.control;

import io.trailkeeper.source.entity.SourceDefinition;
import io.trailkeeper.source.entity.SourceKeyProperty;
import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a source's settings must follow. {@link #validate} lists every broken rule at once, so an
 * officer fixes the form in one go, and returns the settings normalized (trimmed, defaults filled in).
 */
public final class SourceRules {

    public static final int MIN_POLL_SECONDS = 60;       // the schedule looks once a minute
    public static final int MAX_POLL_SECONDS = 86_400;   // at least daily, or "enabled" means little
    public static final int DEFAULT_POLL_SECONDS = 300;
    public static final int MIN_PAGE_SIZE = 1;
    public static final int MAX_PAGE_SIZE = 1000;
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_DIRECTORY = 1000;
    public static final int MAX_BASE_URL = 500;
    /** Langfuse keys start like this; such a value in a name field is a key pasted by mistake. */
    private static final Pattern LANGFUSE_KEY = Pattern.compile("(?i)^(pk|sk)-lf-.*");
    /**
     * Plain HTTP would carry the Basic credentials readable by anyone on the network path; loopback
     * never leaves the machine (a Langfuse next to Trailkeeper, or a test double), so only it may.
     */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final WatchRoots watchRoots;
    private final DestinationPolicy destinations;

    /**
     * @param watchRoots   the directories a watched directory must lie in
     * @param destinations the hosts a pulled source may be fetched from
     */
    public SourceRules(WatchRoots watchRoots, DestinationPolicy destinations) {
        this.watchRoots = watchRoots;
        this.destinations = destinations;
    }

    public SourceDefinition validate(SourceDefinition asked) {
        List<String> problems = new ArrayList<>();
        String name = trimmed(asked.name());
        if (name == null || name.length() > AuditSource.MAX_NAME_LENGTH) {
            problems.add("name: 1 to " + AuditSource.MAX_NAME_LENGTH + " characters");
        }
        SourceKind kind = asked.kind();
        if (kind == null) {
            problems.add("kind: one of JSONL_FILE, OTLP_JSON, LANGFUSE_API");
        }
        String description = trimmed(asked.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add("description: at most " + MAX_DESCRIPTION + " characters");
        }
        int interval = asked.pollIntervalSeconds() == null ? DEFAULT_POLL_SECONDS : asked.pollIntervalSeconds();
        if (interval < MIN_POLL_SECONDS || interval > MAX_POLL_SECONDS) {
            problems.add("pollIntervalSeconds: between " + MIN_POLL_SECONDS + " and " + MAX_POLL_SECONDS);
        }
        boolean enabled = asked.enabled() == null || asked.enabled();

        String directory = trimmed(asked.watchedDirectory());
        String baseUrl = trimmed(asked.baseUrl());
        String publicKey = trimmed(asked.publicKeyProperty());
        String secretKey = trimmed(asked.secretKeyProperty());
        Integer pageSize = asked.pageSize();
        if (kind == SourceKind.LANGFUSE_API) {
            if (directory != null) {
                problems.add("watchedDirectory: a LANGFUSE_API source is pulled over HTTP, not from a directory");
            }
            baseUrl = checkBaseUrl(baseUrl, destinations, problems);
            checkPropertyName("publicKeyProperty", publicKey, problems);
            checkPropertyName("secretKeyProperty", secretKey, problems);
            if (publicKey != null && publicKey.equals(secretKey)) {
                problems.add("secretKeyProperty: must name a different property than publicKeyProperty");
            }
            pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
            if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
                problems.add("pageSize: between " + MIN_PAGE_SIZE + " and " + MAX_PAGE_SIZE);
            }
        } else if (kind != null) {
            for (String[] field : new String[][] {{"baseUrl", baseUrl}, {"publicKeyProperty", publicKey},
                    {"secretKeyProperty", secretKey}, {"pageSize", pageSize == null ? null : pageSize.toString()}}) {
                if (field[1] != null) {
                    problems.add(field[0] + ": only a LANGFUSE_API source has one; a " + kind + " source reads files");
                }
            }
            directory = checkDirectory(directory, problems);
        }
        if (!problems.isEmpty()) {
            throw new SourceRejected(SourceRejected.Reason.INVALID, problems);
        }
        return new SourceDefinition(name, kind, description, enabled, directory, interval,
                kind == SourceKind.LANGFUSE_API ? baseUrl : null, publicKey, secretKey, pageSize);
    }

    private String checkDirectory(String directory, List<String> problems) {
        if (directory == null) {
            return null; // uploads only
        }
        if (directory.length() > MAX_DIRECTORY) {
            problems.add("watchedDirectory: at most " + MAX_DIRECTORY + " characters");
            return directory;
        }
        Path path;
        try {
            path = Path.of(directory);
        } catch (InvalidPathException e) {
            problems.add("watchedDirectory: not a valid path");
            return directory;
        }
        if (!path.isAbsolute()) {
            problems.add("watchedDirectory: an absolute path on the server, e.g. /var/lib/agents/trails");
            return directory;
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                problems.add("watchedDirectory: without '..' segments");
                return directory;
            }
        }
        Path normalized = path.normalize();
        watchRoots.refusal(normalized).ifPresent(refusal -> problems.add("watchedDirectory: " + refusal));
        return normalized.toString();
    }

    private static String checkBaseUrl(String baseUrl, DestinationPolicy destinations, List<String> problems) {
        if (baseUrl == null) {
            problems.add("baseUrl: required for LANGFUSE_API, e.g. https://cloud.langfuse.com");
            return null;
        }
        if (baseUrl.length() > MAX_BASE_URL) {
            problems.add("baseUrl: at most " + MAX_BASE_URL + " characters");
            return baseUrl;
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            problems.add("baseUrl: not a valid URL");
            return baseUrl;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add("baseUrl: an absolute https URL with a host, e.g. https://cloud.langfuse.com");
        } else if (scheme.equals("http") && !LOOPBACK.contains(host)) {
            problems.add("baseUrl: must use https (plain http only for localhost or 127.0.0.1): the secret key travels in every request");
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("baseUrl: without user or password; name the key properties instead");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add("baseUrl: without query or fragment");
        }
        if (host != null) {
            // A host that cannot be resolved now is judged again before every request it would get.
            DestinationPolicy.Decision decision = destinations.check(uri);
            if (decision.verdict() == DestinationPolicy.Verdict.REFUSED) {
                problems.add("baseUrl: " + decision.reason());
            }
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static void checkPropertyName(String field, String value, List<String> problems) {
        if (value != null && LANGFUSE_KEY.matcher(value).matches()) {
            // Said without echoing the value: it is probably a credential.
            problems.add(field + ": this looks like a Langfuse key itself; enter the NAME of the configuration property "
                    + "(environment variable or password alias) that holds it, never the key");
        } else {
            SourceKeyProperty.problem(value).ifPresent(problem -> problems.add(field + ": " + problem));
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
