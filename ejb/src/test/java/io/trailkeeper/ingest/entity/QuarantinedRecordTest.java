package io.trailkeeper.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class QuarantinedRecordTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    final AuditSource source = new AuditSource("support-bot logs", SourceKind.JSONL_FILE, null, NOW);

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    QuarantinedRecord quarantine(String reason, byte[] raw, int originalSize) {
        IngestRecord.Malformed malformed = new IngestRecord.Malformed(new SourcePosition(42, 8191), reason, raw, originalSize);
        return new QuarantinedRecord(source, 7L, malformed, sha256(raw), NOW);
    }

    @Test
    void keepsWhereTheRecordWasAndWhy() {
        byte[] raw = "{\"timestamp\": 12}".getBytes(StandardCharsets.UTF_8);

        QuarantinedRecord record = quarantine("'timestamp' is not a string", raw, raw.length);

        assertSame(source, record.source());
        assertEquals(7L, record.importExecutionId());
        assertEquals(42, record.lineNumber());
        assertEquals(8191, record.byteOffset());
        assertEquals("'timestamp' is not a string", record.reason());
        assertArrayEquals(raw, record.rawBytes());
        assertEquals(raw.length, record.rawSize());
        assertFalse(record.rawTruncated());
        assertEquals(NOW, record.quarantinedAt());
    }

    @Test
    void storesTheFingerprintAsLowerCaseHexAndNoPlainHash() {
        byte[] raw = "not json".getBytes(StandardCharsets.UTF_8);

        QuarantinedRecord record = quarantine("not JSON", raw, raw.length);

        assertEquals(HexFormat.of().formatHex(sha256(raw)), record.rawFingerprint(), "the fingerprint given, as hex");
        assertTrue(record.rawFingerprint().matches("[0-9a-f]{64}"), record.rawFingerprint());
        assertFalse(record.hasLegacyHash());
    }

    @Test
    void replacingALegacyHashKeepsTheFingerprintOrNothing() {
        QuarantinedRecord record = quarantine("not JSON", new byte[] {1}, 1);

        record.replaceLegacyHash(new byte[32]);
        assertEquals("0".repeat(64), record.rawFingerprint());
        assertFalse(record.hasLegacyHash());

        record.replaceLegacyHash(null);
        assertEquals(null, record.rawFingerprint(), "only the head was kept: no fingerprint rather than a wrong one");
    }

    @Test
    void aReasonOf1000CharactersIsKeptWhole() {
        String reason = "r".repeat(QuarantinedRecord.MAX_REASON_LENGTH);

        assertEquals(reason, quarantine(reason, new byte[1], 1).reason());
    }

    @Test
    void aReasonLongerThan1000CharactersIsCutWithAnEllipsis() {
        String reason = "r".repeat(5000);

        String kept = quarantine(reason, new byte[1], 1).reason();

        assertEquals(1000, kept.length(), "fits the reason column");
        assertTrue(kept.endsWith("…"), kept.substring(990));
        assertTrue(reason.startsWith(kept.substring(0, 999)));
    }

    @Test
    void rawBytesOver64KiBAreCappedButTheTrueSizeIsKept() {
        byte[] raw = new byte[QuarantinedRecord.MAX_RAW_BYTES + 1000];
        Arrays.fill(raw, (byte) 'x');

        QuarantinedRecord record = quarantine("line too long", raw, raw.length);

        assertEquals(64 * 1024, record.rawBytes().length);
        assertArrayEquals(Arrays.copyOf(raw, 64 * 1024), record.rawBytes(), "the head of the record is kept");
        assertEquals(raw.length, record.rawSize());
        assertTrue(record.rawTruncated());
    }

    @Test
    void rawBytesAlreadyCutByTheReaderAreMarkedTruncated() {
        byte[] head = "{\"prompt\": \"aaaa".getBytes(StandardCharsets.UTF_8);

        QuarantinedRecord record = quarantine("line too long", head, 5_000_000);

        assertArrayEquals(head, record.rawBytes());
        assertEquals(5_000_000, record.rawSize());
        assertTrue(record.rawTruncated());
    }

    @Test
    void rawBytesOfExactly64KiBAreKeptWhole() {
        byte[] raw = new byte[QuarantinedRecord.MAX_RAW_BYTES];

        QuarantinedRecord record = quarantine("bad", raw, raw.length);

        assertEquals(raw.length, record.rawBytes().length);
        assertFalse(record.rawTruncated());
    }

    @Test
    void theRecordIsNotAffectedByLaterChangesToTheCallersArrays() {
        byte[] raw = "abc".getBytes(StandardCharsets.UTF_8);
        QuarantinedRecord record = quarantine("bad", raw, raw.length);

        raw[0] = 'z';
        record.rawBytes()[1] = 'z';

        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), record.rawBytes());
    }

    @Test
    void sealingKeepsTheSizesAnOfficerNeeds() {
        byte[] raw = new byte[70 * 1024];
        java.util.Arrays.fill(raw, (byte) 'x');
        QuarantinedRecord record = quarantine("line is too long", raw, raw.length);
        byte[] sealed = new byte[64 * 1024 + 29];
        java.util.UUID key = java.util.UUID.randomUUID();

        record.sealRaw(sealed, key);

        assertEquals(64 * 1024, record.keptSize());
        assertEquals(raw.length, record.rawSize());
        assertTrue(record.rawTruncated(), "still judged on the kept bytes, not the longer sealed ones");
        assertEquals(java.util.Optional.of(key), record.rawKeyId());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> record.sealRaw(sealed, key));
    }
}
