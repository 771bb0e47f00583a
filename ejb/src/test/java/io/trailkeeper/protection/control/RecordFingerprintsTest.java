package io.trailkeeper.protection.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RecordFingerprintsTest {

    private static final byte[] LINE = "{\"user\":\"jane@example.com\",\"timestamp\":\"2026-10-05T03:00:00\"}".getBytes(StandardCharsets.UTF_8);

    private static MasterKey key(int fill) {
        byte[] bytes = new byte[MasterKey.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes), "test");
    }

    @Test
    void theSameBytesGiveTheSameFingerprint() {
        assertArrayEquals(new RecordFingerprints(key(1)).of(LINE), new RecordFingerprints(key(1)).of(LINE.clone()));
        assertEquals(32, new RecordFingerprints(key(1)).of(LINE).length);
    }

    @Test
    void aGuessCannotBeConfirmedWithAPlainHash() throws Exception {
        byte[] plain = MessageDigest.getInstance("SHA-256").digest(LINE);

        assertFalse(Arrays.equals(plain, new RecordFingerprints(key(1)).of(LINE)));
    }

    @Test
    void anotherMasterKeyGivesAnotherFingerprint() {
        assertFalse(Arrays.equals(new RecordFingerprints(key(1)).of(LINE), new RecordFingerprints(key(2)).of(LINE)));
    }

    @Test
    void itsKeyIsNotThePseudonymKey() {
        MasterKey master = key(1);
        String asPseudonym = new Pseudonyms(master).of(new String(LINE, StandardCharsets.UTF_8));

        assertFalse(asPseudonym.endsWith(Base64.getUrlEncoder().withoutPadding().encodeToString(new RecordFingerprints(master).of(LINE))));
    }
}
