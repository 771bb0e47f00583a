package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Credentials in HTTP authorization form, {@code Bearer <token>} and {@code Basic <base64>}. The
 * scheme stays readable, so an auditor can still see that a request was authenticated and how;
 * only the credential is masked.
 *
 * <p>"bearer" and "basic" are also ordinary English words, and agents write prose about
 * authentication. So a bearer token must look issued rather than written: it contains a digit or
 * a capital after its first letter ({@code Bearer token-based auth} is prose, {@code Bearer 3f9aK…}
 * is a token). Issued tokens are random enough that practically all have one or the other; a
 * token of lower-case letters and symbols only is missed. Basic credentials must decode to
 * printable {@code user:password}, which prose practically never does.
 */
final class AuthorizationCredentials implements Detector {

    private static final String WORD_START = AnchoredPattern.WORD_START;
    // RFC 7235 §2.1: the scheme is case-insensitive; these are the spellings met in practice.
    private static final String[] BEARER = {"Bearer", "bearer", "BEARER"};
    private static final String[] BASIC = {"Basic", "basic", "BASIC"};
    // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".
    // Eight characters at least: shorter values are placeholders ("Bearer xyz"), not tokens.
    private static final Pattern BEARER_TOKEN = Pattern.compile(
            WORD_START + "(?:Bearer|bearer|BEARER)[ \\t]{1,8}([A-Za-z0-9._~+/=-]{8,})");
    // RFC 7617 §2: the credentials are base64(user-id ":" password).
    private static final Pattern BASIC_CREDENTIALS = Pattern.compile(
            WORD_START + "(?:Basic|basic|BASIC)[ \\t]{1,8}([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])");

    private static final List<AnchoredPattern> FORMATS = formats();

    private static List<AnchoredPattern> formats() {
        AnchoredPattern[] formats = new AnchoredPattern[BEARER.length + BASIC.length];
        for (int i = 0; i < BEARER.length; i++) {
            formats[i] = new AnchoredPattern(BEARER[i], BEARER_TOKEN, 1, AuthorizationCredentials::looksIssued);
        }
        for (int i = 0; i < BASIC.length; i++) {
            formats[BEARER.length + i] = new AnchoredPattern(BASIC[i], BASIC_CREDENTIALS, 1,
                    AuthorizationCredentials::isUserAndPassword);
        }
        return List.of(formats);
    }

    @Override
    public MaskCategory category() {
        return MaskCategory.SECRET;
    }

    @Override
    public void find(String text, Findings findings) {
        for (AnchoredPattern format : FORMATS) {
            format.find(text, findings);
        }
    }

    private static boolean looksIssued(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c >= '0' && c <= '9') || (i > 0 && c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUserAndPassword(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean colon = false;
        for (byte b : decoded) {
            if (b >= 0 && b < 0x20 || b == 0x7F) {
                return false;
            }
            colon |= b == ':';
        }
        return colon;
    }
}
