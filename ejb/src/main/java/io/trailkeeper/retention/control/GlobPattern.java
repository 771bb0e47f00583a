package io.trailkeeper.retention.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A classification pattern: a case-insensitive glob ({@code *} any text, {@code ?} one character,
 * everything else literal). Turned into a SQL LIKE pattern (with {@code \} as escape) for the
 * database, and matched in Java the same way for previews and tests.
 */
public final class GlobPattern {

    private GlobPattern() {
    }

    /** The LIKE pattern for {@code LOWER(column) LIKE ? ESCAPE '\'}. */
    public static String toLike(String glob) {
        StringBuilder like = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    /** Whether a value matches; a null value matches no pattern (as NULL LIKE anything is not true). */
    public static boolean matches(String glob, String value) {
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value.toLowerCase(Locale.ROOT)).matches();
    }
}
