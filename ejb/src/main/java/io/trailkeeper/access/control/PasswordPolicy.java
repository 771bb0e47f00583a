package io.trailkeeper.access.control;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be, and how one-time passwords are made. Length over composition rules,
 * per NIST SP 800-63B §5.1.1.2 (at least 8 characters; we ask 12 for privileged compliance tooling,
 * and cap at 128 so hashing cost stays bounded).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    // No look-alike characters: the one-time password is read off a console and typed by hand.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Why this password is not acceptable, or empty when it is. */
    public static Optional<String> problemWith(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of("a password has at most " + MAX_LENGTH + " characters");
        }
        if (username != null && new String(password).toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("a password must not contain the user name");
        }
        return Optional.empty();
    }

    public static char[] oneTimePassword() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
