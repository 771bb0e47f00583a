package io.trailkeeper.protection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aKeyMustBe256Bits() {
        String short128 = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(short128, "env"));
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64("not*base64!secret", "env"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void eachPurposeGetsItsOwnKey() {
        MasterKey master = MasterKey.fromBase64(KEY, "env");

        assertNotEquals(HexFormat.of().formatHex(master.derive("a")), HexFormat.of().formatHex(master.derive("b")));
        assertEquals(32, master.derive("a").length);
        assertTrue(Arrays.equals(master.derive("a"), MasterKey.fromBase64(KEY, "other").derive("a")));
    }

    @Test
    void derivationIsHkdfSha256PerRfc5869() {
        // Expected value computed independently (Python hmac, the RFC 5869 construction with no salt,
        // checked against the RFC's test case A.3) for IKM = 32 x 0x0b and info = "trailkeeper/test".
        byte[] ikm = new byte[32];
        Arrays.fill(ikm, (byte) 0x0b);

        assertEquals("ffa153e5038d733e24286569b9019dc73295ca3a025f8c53fd7a334737dd57d4",
                HexFormat.of().formatHex(MasterKey.development(ikm, "test").derive("trailkeeper/test")));
    }

    @Test
    void theKeyNeverAppearsInItsDescription() {
        MasterKey master = MasterKey.fromBase64(Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()), "alias trailkeeper.crypto.master-key");

        assertFalse(master.toString().contains("0123456789"));
        assertTrue(master.toString().contains("alias"));
        assertTrue(MasterKey.development(new byte[32], "file").toString().contains("DEVELOPMENT"));
    }
}
