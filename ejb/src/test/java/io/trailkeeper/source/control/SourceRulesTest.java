package io.trailkeeper.source.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.source.entity.SourceDefinition;
import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.trail.entity.SourceKind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRulesTest {

    /** Directories under /var/lib/agents may be watched; 127.0.0.1 is the one private host allowed; DNS is a table. */
    private static final DestinationPolicy DESTINATIONS = new DestinationPolicy("127.0.0.1", host -> switch (host) {
        case "cloud.langfuse.com", "h" -> new InetAddress[] {InetAddress.getByName("34.1.2.3")};
        case "langfuse.internal" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        default -> InetAddress.getAllByName(host); // literals only in these tests
    });
    private final SourceRules rules = new SourceRules(new WatchRoots(List.of(Path.of("/var/lib/agents"))), DESTINATIONS);
    private static final String PUBLIC = "trailkeeper.source-keys.prod.public-key";
    private static final String SECRET = "trailkeeper.source-keys.prod.secret-key";

    private static SourceDefinition langfuse(String baseUrl, String publicKey, String secretKey, Integer pageSize) {
        return new SourceDefinition("langfuse-prod", SourceKind.LANGFUSE_API, null, null, null, null, baseUrl, publicKey, secretKey, pageSize);
    }

    private static SourceDefinition files(String directory, Integer interval) {
        return new SourceDefinition(" support-bot ", SourceKind.JSONL_FILE, "  ", null, directory, interval, null, null, null, null);
    }

    private List<String> problems(SourceDefinition definition) {
        SourceRejected rejected = assertThrows(SourceRejected.class, () -> rules.validate(definition));
        assertEquals(SourceRejected.Reason.INVALID, rejected.reason());
        return rejected.problems();
    }

    @Test
    void aFileSourceIsTrimmedAndGetsDefaults() {
        SourceDefinition valid = rules.validate(files("/var/lib/agents/./trails/", null));


        assertEquals("support-bot", valid.name());
        assertNull(valid.description(), "a blank description is no description");
        assertTrue(valid.enabled());
        assertEquals(300, valid.pollIntervalSeconds(), "the README's default poll interval");
        assertEquals(Path.of("/var/lib/agents/trails").toString(), valid.watchedDirectory());
        assertNull(valid.pageSize());
    }

    @Test
    void aFileSourceWithoutDirectoryReceivesUploadsOnly() {
        assertNull(rules.validate(files(null, 600)).watchedDirectory());
    }

    @Test
    void thePollIntervalHasExplicitBounds() {
        assertEquals(60, rules.validate(files(null, 60)).pollIntervalSeconds());
        assertEquals(86_400, rules.validate(files(null, 86_400)).pollIntervalSeconds());
        assertTrue(problems(files(null, 59)).get(0).startsWith("pollIntervalSeconds: between 60 and 86400"));
        assertTrue(problems(files(null, 86_401)).get(0).startsWith("pollIntervalSeconds"));
    }

    @Test
    void aWatchedDirectoryIsAbsoluteWithoutParentSegments() {
        assertTrue(problems(files("trails", null)).get(0).contains("absolute path"));
        assertTrue(problems(files("/var/lib/../../etc", null)).get(0).contains("'..'"));
    }

    @Test
    void watchRootsConfinePossibleDirectories() {
        assertEquals(Path.of("/var/lib/agents/support").toString(), rules.validate(files("/var/lib/agents/support", null)).watchedDirectory());
        for (String outside : List.of("/", "/etc", "/root", "/var/lib", "/var/lib/agents-other")) {
            List<String> problems = problems(files(outside, null));
            assertEquals(1, problems.size(), outside + ": " + problems);
            assertTrue(problems.get(0).startsWith("watchedDirectory: must lie inside a directory Trailkeeper may read: /var/lib/agents"),
                    problems.toString());
            assertTrue(problems.get(0).contains("trailkeeper.sources.watch-roots"), "says how an administrator allows more");
        }
    }

    @Test
    void fileSourcesRefuseLangfuseSettings() {
        SourceDefinition mixed = new SourceDefinition("x", SourceKind.OTLP_JSON, null, true, null, null,
                "https://cloud.langfuse.com", "a", null, 10);
        List<String> problems = problems(mixed);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("baseUrl: only a LANGFUSE_API source has one"), problems.toString());
    }

    @Test
    void aLangfuseSourceNeedsHttpsAndTwoPropertyNames() {
        SourceDefinition valid = rules.validate(langfuse("https://cloud.langfuse.com/", PUBLIC, SECRET, null));

        assertEquals("https://cloud.langfuse.com", valid.baseUrl(), "a trailing slash is dropped");
        assertEquals(100, valid.pageSize(), "the README's default page size");
        assertEquals(SECRET, valid.secretKeyProperty());
    }

    @Test
    void keyPropertiesMustLieInTheSourceKeyNamespace() {
        // Anything else could be sent out as a "key": the database password, the master key, user.name.
        for (String other : List.of("user.name", "java.home", "trailkeeper.db.password", "trailkeeper.crypto.master-key",
                "TRAILKEEPER_DB_PASSWORD", "langfuse.prod.public-key", "trailkeeper.source-keys.", "trailkeeper.source-keys.Prod.key")) {
            List<String> problems = problems(langfuse("https://cloud.langfuse.com", other, SECRET, 10));
            assertEquals(List.of("publicKeyProperty: must be a property of the source-key namespace, trailkeeper.source-keys."
                    + "<lower-case letters, digits, '.', '_' or '-'> (at most 200 characters), e.g. trailkeeper.source-keys.prod.public-key;"
                    + " no other configuration property can be named"), problems, other);
        }
    }

    @Test
    void privateAndLoopbackHostsOnlyWhenAllowed() {
        assertEquals("http://127.0.0.1:3000", rules.validate(langfuse("http://127.0.0.1:3000", PUBLIC, SECRET, 5)).baseUrl());
        for (String refused : List.of("https://127.0.0.2:3000", "https://[::1]:3000", "https://10.0.0.5",
                "https://169.254.169.254", "https://192.168.1.1", "https://[fd00::1]", "https://langfuse.internal",
                "https://[::ffff:10.0.0.1]", "https://0.0.0.0")) {
            List<String> problems = problems(langfuse(refused, PUBLIC, SECRET, 5));
            assertEquals(1, problems.size(), refused + ": " + problems);
            assertTrue(problems.get(0).startsWith("baseUrl: the host "), problems.toString());
            assertTrue(problems.get(0).endsWith("unless an administrator lists the host in trailkeeper.sources.allowed-private-hosts"),
                    problems.toString());
        }
    }

    @Test
    void plainHttpOnlyForLoopback() {
        assertEquals("http://127.0.0.1:3000", rules.validate(langfuse("http://127.0.0.1:3000", PUBLIC, SECRET, 1000)).baseUrl());
        List<String> remote = problems(langfuse("http://cloud.langfuse.com", PUBLIC, SECRET, 1));
        assertTrue(remote.get(0).contains("must use https"), remote.toString());
        assertTrue(problems(langfuse("ftp://cloud.langfuse.com", PUBLIC, SECRET, 1)).get(0).startsWith("baseUrl"));
        assertTrue(problems(langfuse("https://user:pw@cloud.langfuse.com", PUBLIC, SECRET, 1)).get(0).contains("without user"));
    }

    @Test
    void aPastedKeyIsRefusedWithoutBeingRepeated() {
        List<String> problems = problems(langfuse("https://cloud.langfuse.com", "pk-lf-1234abcd", "sk-lf-secret-5678", 100));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("looks like a Langfuse key itself"));
        assertFalse(String.join(" ", problems).contains("secret-5678"), "the key is never echoed");
        assertFalse(String.join(" ", problems).contains("1234abcd"));
    }

    @Test
    void pageSizeAndPropertyNamesHaveLimits() {
        assertTrue(problems(langfuse("https://h", PUBLIC, SECRET, 0)).get(0).startsWith("pageSize: between 1 and 1000"));
        assertTrue(problems(langfuse("https://h", PUBLIC, SECRET, 1001)).get(0).startsWith("pageSize"));
        assertTrue(problems(langfuse("https://h", PUBLIC + " q", SECRET, 1)).get(0).startsWith("publicKeyProperty: must be a property"));
        assertTrue(problems(langfuse("https://h", PUBLIC + "x".repeat(200), SECRET, 1)).get(0).startsWith("publicKeyProperty: must be"));
        assertTrue(problems(langfuse("https://h", PUBLIC, PUBLIC, 1)).get(0).startsWith("secretKeyProperty: must name a different"));
        List<String> missing = problems(langfuse(null, null, null, null));
        assertEquals(3, missing.size(), missing.toString());
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        SourceDefinition bad = new SourceDefinition("", null, "d".repeat(1001), null, null, 5, null, null, null, null);
        assertEquals(4, problems(bad).size(), problems(bad).toString());
    }
}
