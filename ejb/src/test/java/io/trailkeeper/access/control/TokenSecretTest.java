package io.trailkeeper.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretTest {

    @Test
    void aTokenIsAPrefixAnd256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenSecret.generate();
            assertTrue(token.startsWith("tkn_") && token.length() == 4 + 43, token);
            assertTrue(TokenSecret.looksLikeOne(token), token);
            assertTrue(seen.add(token), "no token twice");
        }
    }

    @Test
    void onlyTheHashIsComparedAndItRevealsNothingOfTheToken() {
        String token = TokenSecret.generate();
        String hash = TokenSecret.sha256(token);
        assertEquals(64, hash.length());
        assertEquals(hash, TokenSecret.sha256(token));
        assertNotEquals(hash, TokenSecret.sha256(TokenSecret.generate()));
        assertFalse(hash.contains(token.substring(4, 12)));
        // A known vector (sha256sum of the text), so the stored form never changes silently between versions.
        assertEquals("54c6e603ec4ca27b4acb8b23dcdd144c6c3e105c7b00830a71bca70887f71243", TokenSecret.sha256("tkn_" + "A".repeat(43)));
    }

    @Test
    void valuesThatAreNoTokensAreNotLookedUp() {
        for (String value : new String[] {null, "", "tkn_", "tkn_short", "Basic abc", "tkn_" + "A".repeat(42) + "=",
                "tkn_" + "A".repeat(44), "xkn_" + "A".repeat(43), "tkn_" + "A".repeat(42) + "+"}) {
            assertFalse(TokenSecret.looksLikeOne(value), String.valueOf(value));
        }
    }
}
