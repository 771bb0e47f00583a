package io.trailkeeper.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code decodeBasic}: the credentials of an HTTP Basic {@code Authorization} header (RFC 7617). */
class TrailkeeperAuthenticationTest {

    static String basic(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesUserAndPassword() {
        UsernamePasswordCredential credential = TrailkeeperAuthentication.decodeBasic(basic("alice:correct horse battery"));

        assertEquals("alice", credential.getCaller());
        assertEquals("correct horse battery", credential.getPasswordAsString());
    }

    @Test
    void aPasswordMayContainColons() {
        UsernamePasswordCredential credential = TrailkeeperAuthentication.decodeBasic(basic("alice:pa:ss:word"));

        assertEquals("alice", credential.getCaller());
        assertEquals("pa:ss:word", credential.getPasswordAsString());
    }

    @Test
    void anEmptyPasswordIsPassedOnForTheIdentityStoreToRefuse() {
        UsernamePasswordCredential credential = TrailkeeperAuthentication.decodeBasic(basic("alice:"));

        assertEquals("alice", credential.getCaller());
        assertEquals("", credential.getPasswordAsString());
    }

    @Test
    void userNamesAndPasswordsAreUtf8() {
        UsernamePasswordCredential credential = TrailkeeperAuthentication.decodeBasic(basic("jürgen.ødegård:pässwörd✓"));

        assertEquals("jürgen.ødegård", credential.getCaller());
        assertEquals("pässwörd✓", credential.getPasswordAsString());
    }

    @Test
    void withoutAColonThereIsNoCredential() {
        assertNull(TrailkeeperAuthentication.decodeBasic(basic("alice")));
    }

    @Test
    void anEmptyUserNameIsNoCredential() {
        assertNull(TrailkeeperAuthentication.decodeBasic(basic(":password")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "YWxpY2U6c2VjcmV0=====", "%%%", "YWxpY2U6c2VjcmV0\u0000"})
    void invalidBase64IsNoCredential(String encoded) {
        assertNull(TrailkeeperAuthentication.decodeBasic(encoded));
    }

    @Test
    void emptyInputIsNoCredential() {
        assertNull(TrailkeeperAuthentication.decodeBasic(""));
    }
}
