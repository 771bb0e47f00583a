package io.trailkeeper.access.control;

import io.trailkeeper.platform.control.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@value #PREFIX} and 256 random bits in URL-safe Base64 (the prefix
 * lets secret scanners recognise a leaked token). Its SHA-256 is what is stored and looked up: with
 * that much entropy no slow password hash is needed (NIST SP 800-63B §5.1.1.2 concerns memorised
 * secrets), so a check costs microseconds.
 */
public final class TokenSecret {

    public static final String PREFIX = "tkn_";
    private static final Pattern FORM = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    public static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether a presented value has a token's form at all (so nothing else is looked up). */
    public static boolean looksLikeOne(String presented) {
        return presented != null && FORM.matcher(presented).matches();
    }

    public static String sha256(String secret) {
        return HexFormat.of().formatHex(Sha256.of(secret.getBytes(StandardCharsets.US_ASCII)));
    }
}
