package io.trailkeeper.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The byte layout PostgreSQL documents for binary COPY ("COPY", section "Binary Format"). */
class BinaryCopyRowsTest {

    @Test
    void header_and_trailer_are_the_documented_signature_and_end_marker() {
        assertArrayEquals(HexFormat.of().parseHex("5047434f50590aff0d0a00" + "00000000" + "00000000"), BinaryCopyRows.header());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF}, BinaryCopyRows.trailer());
    }

    @Test
    void a_row_is_its_field_count_then_each_field_as_length_and_bytes() {
        UUID id = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        byte[] encoded = new BinaryCopyRows(8).row(7).uuid(id).int8(42L).int4(-2).bool(true).nul().bytea(new byte[] {9}).text("ok")
                .toByteArray();
        ByteBuffer expected = ByteBuffer.allocate(2 + 20 + 12 + 8 + 5 + 4 + 5 + 6)
                .putShort((short) 7)
                .putInt(16).put(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"))
                .putInt(8).putLong(42)
                .putInt(4).putInt(-2)
                .putInt(1).put((byte) 1)
                .putInt(-1)
                .putInt(1).put((byte) 9)
                .putInt(2).put("ok".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected.array(), encoded);
    }

    @Test
    void a_null_of_any_type_is_length_minus_one() {
        byte[] encoded = new BinaryCopyRows(8).uuid(null).int8((Long) null).bool(null).bytea(null).text(null).timestamptz(null)
                .toByteArray();
        ByteBuffer expected = ByteBuffer.allocate(24);
        for (int i = 0; i < 6; i++) {
            expected.putInt(-1);
        }
        assertArrayEquals(expected.array(), encoded);
    }

    @Test
    void a_timestamp_is_microseconds_since_2000_in_utc() {
        byte[] epoch = new BinaryCopyRows(8).timestamptz(Instant.parse("2000-01-01T00:00:00Z")).toByteArray();
        byte[] later = new BinaryCopyRows(8).timestamptz(Instant.parse("2026-09-01T00:00:02.247Z")).toByteArray();
        byte[] before = new BinaryCopyRows(8).timestamptz(Instant.parse("1999-12-31T23:59:59.999999Z")).toByteArray();
        assertArrayEquals(ByteBuffer.allocate(12).putInt(8).putLong(0).array(), epoch);
        assertArrayEquals(ByteBuffer.allocate(12).putInt(8).putLong(841_536_002_247_000L).array(), later);
        assertArrayEquals(ByteBuffer.allocate(12).putInt(8).putLong(-1).array(), before);
    }

    @Test
    void text_is_utf8_for_every_plane() {
        String text = "aé€😀"; // 1, 2, 3 and 4 bytes
        byte[] encoded = new BinaryCopyRows(1).text(text).toByteArray();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array(), encoded);
    }

    @Test
    void text_the_database_could_not_store_faithfully_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new BinaryCopyRows(8).text("a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> new BinaryCopyRows(8).text("a\ud800b"));
        assertThrows(IllegalArgumentException.class, () -> new BinaryCopyRows(8).text("a\udc00"));
        assertThrows(IllegalArgumentException.class, () -> new BinaryCopyRows(8).text("\ud800"));
    }
}
