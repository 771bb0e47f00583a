package io.trailkeeper.ingest.masking.control;

import java.util.regex.Pattern;

/**
 * The names under which configuration files, environment variables, HTTP headers and JSON
 * payloads carry credentials: {@code password}, {@code api_key}, {@code client_secret},
 * {@code AWS_SECRET_ACCESS_KEY} and the like. A name may carry a qualifier before a separator
 * ({@code db_password}, {@code spring.datasource.password}, {@code X-Api-Key}) but must end with
 * the label, so {@code password_hint}, {@code max_tokens} or {@code token_count} are not secrets.
 */
final class SecretLabel {

    /** Longer names are not keys but text; the limit also bounds the work per candidate. */
    static final int MAX_LENGTH = 64;

    // OWASP Logging Cheat Sheet ("data to exclude": passwords, access tokens, encryption keys);
    // RFC 6749 §2.3.1 and §5.1 (client_secret, access_token, refresh_token); AWS CLI config
    // (aws_secret_access_key) and SDKs (secretAccessKey). Camel case is covered by ignoring case
    // and allowing the separator to be absent.
    private static final Pattern LABEL = Pattern.compile(
            "(?:.*[^A-Za-z0-9])?"
                    + "(?:passw(?:or)?d|pwd|(?:client[_-]?)?secret|(?:aws[_-]?)?secret[_-]?access[_-]?key"
                    + "|api[_-]?key|(?:access|refresh)[_-]?token|token|private[_-]?key)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Every label ends in one of these; a cheap filter before the pattern. */
    private static final String[] ENDINGS = {"pwd", "passwd", "password", "secret", "key", "token"};

    private SecretLabel() {
    }

    static boolean names(String key) {
        return names(key, 0, key.length());
    }

    /** Whether {@code text[from, to)} is a secret's name. */
    static boolean names(CharSequence text, int from, int to) {
        if (to - from < 3 || to - from > MAX_LENGTH) {
            return false;
        }
        return endsLikeALabel(text, from, to) && LABEL.matcher(text).region(from, to).matches();
    }

    private static boolean endsLikeALabel(CharSequence text, int from, int to) {
        for (String ending : ENDINGS) {
            if (endsWithIgnoringCase(text, from, to, ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithIgnoringCase(CharSequence text, int from, int to, String ending) {
        int start = to - ending.length();
        if (start < from) {
            return false;
        }
        for (int i = 0; i < ending.length(); i++) {
            // ASCII only, so no locale can change the outcome.
            char c = text.charAt(start + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != ending.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
