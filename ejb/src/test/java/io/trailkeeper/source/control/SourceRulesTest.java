package io.trailkeeper.source.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.source.entity.SourceDefinition;
import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.trail.entity.SourceKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRulesTest {

    private final SourceRules rules = new SourceRules(List.of());

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
        assertEquals(SourceRules.DEFAULT_POLL_SECONDS, valid.pollIntervalSeconds());
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
        SourceRules confined = new SourceRules(List.of(Path.of("/srv/trails")));

        assertEquals(Path.of("/srv/trails/support").toString(), confined.validate(files("/srv/trails/support", null)).watchedDirectory());
        SourceRejected outside = assertThrows(SourceRejected.class, () -> confined.validate(files("/etc", null)));
        assertTrue(outside.getMessage().contains("trailkeeper.sources.watch-roots"), outside.getMessage());
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
        SourceDefinition valid = rules.validate(langfuse("https://cloud.langfuse.com/", "langfuse.prod.public-key",
                "langfuse.prod.secret-key", null));

        assertEquals("https://cloud.langfuse.com", valid.baseUrl(), "a trailing slash is dropped");
        assertEquals(SourceRules.DEFAULT_PAGE_SIZE, valid.pageSize());
        assertEquals("langfuse.prod.secret-key", valid.secretKeyProperty());
    }

    @Test
    void plainHttpOnlyForLoopback() {
        assertEquals("http://localhost:3000", rules.validate(langfuse("http://localhost:3000", "p", "s", 1)).baseUrl());
        assertEquals("http://127.0.0.1:3000", rules.validate(langfuse("http://127.0.0.1:3000", "p", "s", 1000)).baseUrl());
        List<String> remote = problems(langfuse("http://langfuse.example.com", "p", "s", 1));
        assertTrue(remote.get(0).contains("must use https"), remote.toString());
        assertTrue(problems(langfuse("ftp://langfuse.example.com", "p", "s", 1)).get(0).startsWith("baseUrl"));
        assertTrue(problems(langfuse("https://user:pw@langfuse.example.com", "p", "s", 1)).get(0).contains("without user"));
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
        assertTrue(problems(langfuse("https://h", "p", "s", 0)).get(0).startsWith("pageSize: between 1 and 1000"));
        assertTrue(problems(langfuse("https://h", "p", "s", 1001)).get(0).startsWith("pageSize"));
        assertTrue(problems(langfuse("https://h", "p q", "s", 1)).get(0).startsWith("publicKeyProperty: 1 to 200"));
        assertTrue(problems(langfuse("https://h", "same", "same", 1)).get(0).startsWith("secretKeyProperty: must name a different"));
        List<String> missing = problems(langfuse(null, null, null, null));
        assertEquals(3, missing.size(), missing.toString());
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        SourceDefinition bad = new SourceDefinition("", null, "d".repeat(1001), null, null, 5, null, null, null, null);
        assertEquals(4, problems(bad).size(), problems(bad).toString());
    }
}
