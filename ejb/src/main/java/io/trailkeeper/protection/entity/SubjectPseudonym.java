package io.trailkeeper.protection.entity;

/**
 * The form of a data subject's pseudonym: {@value #PREFIX} and 43 base64url characters (an
 * HMAC-SHA256 without padding). Other components check a value's form here, without the key that
 * makes pseudonyms (GDPR Art. 4(5): the key stays with protection).
 */
public final class SubjectPseudonym {

    public static final String PREFIX = "ps1_";
    private static final int DIGEST_CHARACTERS = 43;

    private SubjectPseudonym() {
    }

    /** @return whether the value has the form of a pseudonym (it may still name no subject) */
    public static boolean wellFormed(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() == PREFIX.length() + DIGEST_CHARACTERS
                && value.substring(PREFIX.length()).chars().allMatch(SubjectPseudonym::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
