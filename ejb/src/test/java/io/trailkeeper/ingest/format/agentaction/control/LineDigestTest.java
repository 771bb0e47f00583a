package io.trailkeeper.ingest.format.agentaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LineDigestTest {

    static final byte[] KEY = key(1);
    static final String LINE = "{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"a\", \"action\": \"x\", \"user\": \"cust-1\"}";

    static byte[] key(int first) {
        byte[] key = new byte[32];
        key[0] = (byte) first;
        return key;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyedIdIsTheSameForTheSameLineUnderTheSameKeyAndOtherwiseDiffers() {
        String id = LineDigest.keyed(KEY).of(utf8(LINE));
        assertTrue(id.matches("hmac-sha256:[0-9a-f]{64}"), id);
        assertEquals(id, LineDigest.keyed(key(1)).of(utf8(LINE)), "a restarted import must find the same id");
        assertNotEquals(id, LineDigest.keyed(key(2)).of(utf8(LINE)), "another master key gives other ids");
        assertNotEquals(id, LineDigest.keyed(KEY).of(utf8(LINE.replace("cust-1", "cust-2"))));
    }

    @Test
    void surroundingWhitespaceAndAByteOrderMarkDoNotChangeAnIdInEitherScheme() {
        for (LineDigest scheme : List.of(LineDigest.keyed(KEY), LineDigest.UNKEYED)) {
            String id = scheme.of(utf8(LINE));
            assertEquals(id, scheme.of(utf8(" \t" + LINE + "\r\n")));
            assertEquals(id, scheme.of(utf8("\uFEFF" + LINE)));
        }
    }

    @Test
    void theUnkeyedSchemeOfOlderSourcesIsUnchanged() {
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", LineDigest.UNKEYED.of(new byte[0]));
        assertFalse(LineDigest.UNKEYED.isKeyed());
        assertTrue(LineDigest.keyed(KEY).isKeyed());
        assertFalse(LineDigest.keyed(KEY).of(utf8(LINE)).contains(LineDigest.UNKEYED.of(utf8(LINE)).substring("sha256:".length())));
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LineDigest.keyed(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> LineDigest.keyed(null));
    }

    @Test
    void theKeyIsCopiedSoChangingTheCallersArrayChangesNoId() {
        byte[] key = key(1);
        LineDigest digest = LineDigest.keyed(key);
        String before = digest.of(utf8(LINE));
        key[0] = 9;
        assertEquals(before, digest.of(utf8(LINE)));
    }

    @Test
    void oneDigestGivesTheSameIdsToConcurrentCallers() throws Exception {
        LineDigest digest = LineDigest.keyed(KEY);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(LINE.replace("cust-1", "cust-" + i));
        }
        List<String> expected = lines.stream().map(line -> digest.of(utf8(line))).toList();
        assertEquals(200, Set.copyOf(expected).size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Set<String> wrong = ConcurrentHashMap.newKeySet();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < lines.size(); i++) {
                            if (!digest.of(utf8(lines.get(i))).equals(expected.get(i))) {
                                wrong.add(lines.get(i));
                            }
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            assertEquals(Set.of(), wrong);
        } finally {
            pool.shutdownNow();
        }
    }
}
