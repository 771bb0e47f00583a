package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code displayName}: the file name an officer sees for an import. It comes from the uploader and is untrusted. */
class ImportLauncherTest {

    @Test
    void aPlainNameIsKept() {
        assertEquals("support-bot 2026-11_v2.jsonl", ImportLauncher.displayName("support-bot 2026-11_v2.jsonl"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "logs/2026/trail.jsonl | trail.jsonl",
            "/var/log/agents/trail.jsonl | trail.jsonl",
            "../../etc/passwd | passwd",
            "C:\\Users\\ops\\Desktop\\trail.jsonl | trail.jsonl",
            "..\\..\\windows\\win.ini | win.ini",
            "mixed/dirs\\and/trail.jsonl | trail.jsonl"
    })
    void directoriesAreStrippedWhicheverSeparatorIsUsed(String uploaded, String shown) {
        assertEquals(shown, ImportLauncher.displayName(uploaded));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "trail<script>.jsonl | trail_script_.jsonl",
            "trail;rm -rf.jsonl | trail_rm -rf.jsonl",
            "a\"b'c.jsonl | a_b_c.jsonl"
    })
    void oddCharactersAreReplaced(String uploaded, String shown) {
        assertEquals(shown, ImportLauncher.displayName(uploaded));
    }

    @Test
    void controlCharactersAreReplaced() {
        assertEquals("trail__evil.jsonl", ImportLauncher.displayName("trail\r\nevil.jsonl"));
        assertEquals("trail_gpj.jsonl", ImportLauncher.displayName("trail\u202Egpj.jsonl"), "no right-to-left override");
    }

    @Test
    void lettersOfOtherScriptsAreKept() {
        assertEquals("Prüfprotokoll-日志.jsonl", ImportLauncher.displayName("Prüfprotokoll-日志.jsonl"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "logs/", "C:\\logs\\"})
    void aMissingNameBecomesUploadJsonl(String uploaded) {
        assertEquals("upload.jsonl", ImportLauncher.displayName(uploaded));
    }

    @Test
    void aLongNameIsCutTo200Characters() {
        String shown = ImportLauncher.displayName("t".repeat(500) + ".jsonl");

        assertEquals(200, shown.length());
        assertTrue(shown.chars().allMatch(c -> c == 't'));
    }

    @Test
    void aNameOf200CharactersIsKept() {
        String name = "t".repeat(194) + ".jsonl";

        assertEquals(name, ImportLauncher.displayName(name));
    }
}
