package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ImportLauncherSurrogateTest {

    @Test
    void aLongNameIsNotCutInsideACharacter() {
        // U+1D49C MATHEMATICAL SCRIPT CAPITAL A is a letter outside the BMP: two UTF-16 chars.
        String shown = ImportLauncher.displayName("t".repeat(199) + "\uD835\uDC9C.jsonl");

        assertFalse(Character.isHighSurrogate(shown.charAt(shown.length() - 1)), "ends in a lone high surrogate");
    }
}
