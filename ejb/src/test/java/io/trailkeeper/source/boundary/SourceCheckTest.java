package io.trailkeeper.source.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.SourceTestResult;
import io.trailkeeper.source.entity.SourceTestResult.Check;
import io.trailkeeper.trail.entity.SourceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Testing a source says what a pull would meet, checks by name, and never leaks: not a key's value,
 * not whether a path outside the allowed directories exists, not a configuration property outside the
 * source-key namespace, and no request to a host a pull may not reach.
 */
class SourceCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final String PUBLIC_KEY = "trailkeeper.source-keys.prod.public-key";
    private static final String SECRET_KEY = "trailkeeper.source-keys.prod.secret-key";

    @TempDir
    Path root;
    @TempDir
    Path outside;

    private final RecordingConfig config = new RecordingConfig();
    private final List<String> langfuseRequests = new CopyOnWriteArrayList<>();
    private volatile int langfuseAnswer = 200;
    private HttpServer langfuse;

    @BeforeEach
    void startLangfuse() throws IOException {
        langfuse = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        langfuse.createContext("/", exchange -> {
            langfuseRequests.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"data\":[],\"meta\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(langfuseAnswer, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        langfuse.start();
    }

    @AfterEach
    void stopLangfuse() {
        langfuse.stop(0);
    }

    @Test
    void aWatchedDirectoryInsideTheRootsIsReadAndItsReadyFilesCounted() throws IOException {
        Path watched = Files.createDirectory(root.resolve("trails"));
        for (String name : List.of("a.jsonl", "b.ndjson", "c.json", "notes.txt", ".hidden.jsonl")) {
            file(watched.resolve(name), NOW.minusSeconds(3600));
        }
        file(watched.resolve("being-written.jsonl"), NOW.minusSeconds(1));

        SourceTestResult result = check(true).test(fileSource(watched.toString()));

        assertTrue(result.passed(), result.toString());
        assertEquals(List.of("exists", "directory", "readable", "files"), names(result));
        assertEquals(3, result.candidateFiles(), "*.jsonl, *.ndjson and *.json that are not hidden and not being written");
        assertEquals("3 file(s) named *.jsonl, *.ndjson or *.json ready to read, 1 still being written"
                + " (files already imported are skipped by a pull)", detail(result, "files"));
        assertNull(result.httpStatus());
    }

    @Test
    void aSourceWithoutWatchedDirectoryPassesAsUploadsOnly() {
        SourceTestResult result = check(true).test(fileSource(null));

        assertTrue(result.passed());
        assertEquals("no watched directory: this source receives uploads only", detail(result, "directory"));
    }

    @Test
    void aMissingDirectoryOrAFileInsideTheRootsFails() throws IOException {
        SourceTestResult missing = check(true).test(fileSource(root.resolve("not-there").toString()));
        Path file = file(root.resolve("plain.jsonl"), NOW.minusSeconds(3600));
        SourceTestResult notADirectory = check(true).test(fileSource(file.toString()));

        assertFalse(missing.passed());
        assertEquals(List.of("exists"), names(missing));
        assertEquals("no such path on the server", detail(missing, "exists"));
        assertFalse(notADirectory.passed());
        assertEquals("it is not a directory", detail(notADirectory, "directory"));
    }

    @Test
    void aDirectoryOutsideTheRootsIsRefusedWithoutSayingWhetherItExists() throws IOException {
        Path existing = Files.createDirectory(outside.resolve("secrets"));
        file(existing.resolve("keys.jsonl"), NOW.minusSeconds(3600));

        SourceTestResult forExisting = check(true).test(fileSource(existing.toString()));
        SourceTestResult forMissing = check(true).test(fileSource(outside.resolve("nothing-here").toString()));

        assertFalse(forExisting.passed());
        assertEquals(List.of("allowed"), names(forExisting));
        assertTrue(detail(forExisting, "allowed").startsWith("the watched directory must lie inside a directory Trailkeeper may read"),
                detail(forExisting, "allowed"));
        assertEquals(forExisting.checks(), forMissing.checks(), "the same answer whether the path exists or not");
        assertNull(forExisting.candidateFiles());
    }

    @Test
    void aLinkInsideTheRootsThatLeadsOutIsRefused() throws IOException {
        Path target = Files.createDirectory(outside.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(root.resolve("link"), target);

        SourceTestResult result = check(true).test(fileSource(link.toString()));

        assertFalse(result.passed());
        assertTrue(detail(result, "allowed").contains("symbolic link"), detail(result, "allowed"));
        assertFalse(check(true).pullRefusal(fileSource(link.toString())).isEmpty(), "and a pull is refused as well");
    }

    @Test
    void langfuseKeysThatResolveAreSentAndTheAnswerReported() {
        config.values.put(PUBLIC_KEY, "pk-lf-1234");
        config.values.put(SECRET_KEY, "sk-lf-5678");

        SourceTestResult result = check(true).test(langfuseSource(PUBLIC_KEY, SECRET_KEY));

        assertTrue(result.passed(), result.toString());
        assertEquals(List.of("publicKey", "secretKey", "reachable", "authorised"), names(result));
        assertEquals(200, result.httpStatus());
        assertEquals(List.of("/api/public/v2/observations Basic "
                + Base64.getEncoder().encodeToString("pk-lf-1234:sk-lf-5678".getBytes(StandardCharsets.UTF_8))), langfuseRequests);
        assertEquals("the property " + PUBLIC_KEY + " is set", detail(result, "publicKey"));
        assertFalse(result.toString().contains("pk-lf-1234") || result.toString().contains("sk-lf-5678"), "no key in the result");
    }

    @Test
    void keysThatLangfuseRefusesFailTheTest() {
        config.values.put(PUBLIC_KEY, "pk-lf-1234");
        config.values.put(SECRET_KEY, "sk-lf-wrong");
        langfuseAnswer = 401;

        SourceTestResult result = check(true).test(langfuseSource(PUBLIC_KEY, SECRET_KEY));

        assertFalse(result.passed());
        assertEquals(401, result.httpStatus());
        assertTrue(result.checks().stream().anyMatch(c -> c.name().equals("authorised") && !c.passed()), result.toString());
    }

    @Test
    void missingKeysAreNamedWithTheirEnvironmentVariableAndNothingIsSent() {
        config.values.put(PUBLIC_KEY, "pk-lf-1234");
        config.values.put(SECRET_KEY, "   ");

        SourceTestResult result = check(true).test(langfuseSource(PUBLIC_KEY, SECRET_KEY));

        assertFalse(result.passed());
        assertEquals(List.of("publicKey", "secretKey"), names(result));
        assertEquals("the property " + SECRET_KEY + " is not set (environment variable TRAILKEEPER_SOURCE_KEYS_PROD_SECRET_KEY, "
                + "or asadmin create-password-alias " + SECRET_KEY + ")", detail(result, "secretKey"));
        assertTrue(langfuseRequests.isEmpty(), "no request without both keys");
    }

    @Test
    void aPropertyOutsideTheSourceKeyNamespaceIsNeverLookedUpNorSent() {
        config.values.put("trailkeeper.crypto.master-key", "the-master-key");
        config.values.put(SECRET_KEY, "sk-lf-5678");
        ConfiguredSource source = langfuseSource("trailkeeper.crypto.master-key", SECRET_KEY);

        SourceTestResult result = check(true).test(source);
        Optional<String[]> credentials = check(true).credentials(source);

        assertFalse(result.passed());
        assertEquals(List.of("allowed"), names(result));
        assertTrue(detail(result, "allowed").startsWith("a key property "), detail(result, "allowed"));
        assertTrue(credentials.isEmpty());
        assertFalse(config.asked.contains("trailkeeper.crypto.master-key"), "asked: " + config.asked);
        assertTrue(langfuseRequests.isEmpty());
        assertFalse(result.toString().contains("the-master-key"));
    }

    @Test
    void aPrivateHostThatIsNotAllowedIsRefusedBeforeAnyKeyIsResolvedOrRequestSent() {
        config.values.put(PUBLIC_KEY, "pk-lf-1234");
        config.values.put(SECRET_KEY, "sk-lf-5678");

        SourceTestResult result = check(false).test(langfuseSource(PUBLIC_KEY, SECRET_KEY));

        assertFalse(result.passed());
        assertEquals(List.of("allowed"), names(result));
        assertTrue(config.asked.isEmpty(), "asked: " + config.asked);
        assertTrue(langfuseRequests.isEmpty());
        assertTrue(check(false).pullRefusal(langfuseSource(PUBLIC_KEY, SECRET_KEY)).isPresent());
        assertTrue(check(true).pullRefusal(langfuseSource(PUBLIC_KEY, SECRET_KEY)).isEmpty(), "allowed once listed");
    }

    /** A check whose watch roots are {@link #root}, which may reach the local Langfuse when {@code loopbackAllowed}. */
    private SourceCheck check(boolean loopbackAllowed) {
        SourceCheck check = new SourceCheck();
        check.config = config;
        check.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        check.confinement = new SourceConfinement(Optional.of(root.toString()),
                loopbackAllowed ? Optional.of("127.0.0.1") : Optional.empty());
        return check;
    }

    private static ConfiguredSource fileSource(String watchedDirectory) {
        return new ConfiguredSource(UUID.randomUUID(), "files", SourceKind.JSONL_FILE, null, NOW, true, true, watchedDirectory,
                300, null, null, null, null, 0, 0);
    }

    private ConfiguredSource langfuseSource(String publicKeyProperty, String secretKeyProperty) {
        return new ConfiguredSource(UUID.randomUUID(), "langfuse", SourceKind.LANGFUSE_API, null, NOW, true, true, null,
                300, "http://127.0.0.1:" + langfuse.getAddress().getPort(), publicKeyProperty, secretKeyProperty, 100, 0, 0);
    }

    private static Path file(Path path, Instant modified) throws IOException {
        Files.writeString(path, "{}\n");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

    private static List<String> names(SourceTestResult result) {
        return result.checks().stream().map(Check::name).toList();
    }

    private static String detail(SourceTestResult result, String check) {
        return result.checks().stream().filter(c -> c.name().equals(check)).map(Check::detail).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + check + " in " + result));
    }

    /** Configuration from a map that remembers every name it was asked for. */
    private static final class RecordingConfig implements Config {
        final Map<String, String> values = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            asked.add(name);
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return Set.copyOf(values.keySet());
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException();
        }
    }
}
