package io.trailkeeper.protection.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentCipherTest {

    private final byte[] key = ContentCipher.newKey();
    private final byte[] plaintext = "{\"prompt\":\"refund order 8812 for Jürgen\"}".getBytes(StandardCharsets.UTF_8);
    private final byte[] eventA = "event-a".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedContentOpensWithTheSameKeyAndAssociatedData() {
        byte[] sealed = ContentCipher.seal(key, plaintext, eventA);

        assertArrayEquals(plaintext, ContentCipher.open(key, sealed, eventA));
    }

    @Test
    void theSealedBytesDoNotContainThePlaintext() {
        byte[] sealed = ContentCipher.seal(key, plaintext, eventA);

        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Jürgen"));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("refund"));
    }

    @Test
    void sealingTheSameContentTwiceGivesDifferentBytes() {
        assertFalse(Arrays.equals(ContentCipher.seal(key, plaintext, eventA), ContentCipher.seal(key, plaintext, eventA)));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        byte[] sealed = ContentCipher.seal(key, plaintext, eventA);

        assertThrows(ContentCipher.ContentUnreadable.class, () -> ContentCipher.open(ContentCipher.newKey(), sealed, eventA));
    }

    @Test
    void contentMovedToAnotherEventDoesNotOpen() {
        byte[] sealed = ContentCipher.seal(key, plaintext, eventA);

        assertThrows(ContentCipher.ContentUnreadable.class,
                () -> ContentCipher.open(key, sealed, "event-b".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anyChangedByteIsDetected() {
        byte[] sealed = ContentCipher.seal(key, plaintext, eventA);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(ContentCipher.ContentUnreadable.class, () -> ContentCipher.open(key, tampered, eventA), "byte " + i);
        }
    }

    @Test
    void truncatedOrForeignBytesAreRefusedWithoutDetail() {
        assertThrows(ContentCipher.ContentUnreadable.class, () -> ContentCipher.open(key, new byte[5], eventA));
        assertThrows(ContentCipher.ContentUnreadable.class, () -> ContentCipher.open(key, null, eventA));
    }
}
