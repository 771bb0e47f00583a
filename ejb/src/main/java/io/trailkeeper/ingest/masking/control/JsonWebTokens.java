package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Pattern;

/**
 * JSON Web Tokens in compact serialisation. They are bearer credentials: whoever holds an
 * unexpired one is the subject it names.
 */
final class JsonWebTokens implements Detector {

    // RFC 7519 §3 and RFC 7515 §7.1: three base64url parts separated by dots. Header and claims
    // are JSON objects, so both encode to text starting "eyJ" ('{"'). The signature may be empty
    // for an unsecured JWT (RFC 7519 §6.1).
    private static final AnchoredPattern TOKEN = new AnchoredPattern("eyJ", Pattern.compile(
            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*"));

    @Override
    public MaskCategory category() {
        return MaskCategory.SECRET;
    }

    @Override
    public void find(String text, Findings findings) {
        TOKEN.find(text, findings);
    }
}
