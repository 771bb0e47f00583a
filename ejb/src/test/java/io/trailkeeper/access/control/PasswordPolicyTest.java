package io.trailkeeper.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    static char[] repeat(char c, int length) {
        char[] password = new char[length];
        Arrays.fill(password, c);
        return password;
    }

    static Optional<String> problemWith(String password, String username) {
        return PasswordPolicy.problemWith(password == null ? null : password.toCharArray(), username);
    }

    @Test
    void acceptsAPasswordOf12Characters() {
        assertEquals(Optional.empty(), PasswordPolicy.problemWith(repeat('x', 12), "alice"));
    }

    @Test
    void rejectsAPasswordShorterThan12Characters() {
        Optional<String> problem = PasswordPolicy.problemWith(repeat('x', 11), "alice");

        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("12"), problem.get());
    }

    @Test
    void rejectsAMissingPassword() {
        assertTrue(problemWith(null, "alice").isPresent());
        assertTrue(problemWith("", "alice").isPresent());
    }

    @Test
    void acceptsAPasswordOf128Characters() {
        assertEquals(Optional.empty(), PasswordPolicy.problemWith(repeat('x', 128), "alice"));
    }

    @Test
    void rejectsAPasswordLongerThan128Characters() {
        Optional<String> problem = PasswordPolicy.problemWith(repeat('x', 129), "alice");

        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("128"), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice-secret-2026", "my-ALICE-password", "xxxxxxxxxxAlIcE"})
    void rejectsAPasswordContainingTheUserNameInAnyCase(String password) {
        Optional<String> problem = problemWith(password, "alice");

        assertEquals(Optional.of("a password must not contain the user name"), problem);
    }

    @Test
    void rejectsAPasswordContainingAnUpperCaseUserName() {
        assertTrue(problemWith("my-alice-password", "ALICE").isPresent());
    }

    @Test
    void acceptsALongPasswordWithoutTheUserName() {
        assertEquals(Optional.empty(), problemWith("correct horse battery staple", "alice"));
    }

    @Test
    void checksLengthWithoutAUserName() {
        assertEquals(Optional.empty(), problemWith("correct horse battery staple", null));
        assertTrue(problemWith("short", null).isPresent());
    }

    @Test
    void aOneTimePasswordHas20Characters() {
        assertEquals(20, PasswordPolicy.oneTimePassword().length);
    }

    @RepeatedTest(20)
    void aOneTimePasswordHasNoLookAlikeCharacters() {
        String password = new String(PasswordPolicy.oneTimePassword());

        assertTrue(password.matches("[A-Za-z2-9]{20}"), password);
        for (char lookAlike : "0O1lI".toCharArray()) {
            assertFalse(password.indexOf(lookAlike) >= 0, () -> password + " contains " + lookAlike);
        }
    }

    @Test
    void oneTimePasswordsDiffer() {
        assertFalse(Arrays.equals(PasswordPolicy.oneTimePassword(), PasswordPolicy.oneTimePassword()));
    }

    // "admin" is the default administrator the one-time password is made for. Not repeated: a random
    // password contains "admin" with a chance of about one in two million, which the policy refuses.
    @Test
    void aOneTimePasswordItselfPassesThePolicy() {
        assertEquals(Optional.empty(), PasswordPolicy.problemWith(PasswordPolicy.oneTimePassword(), "admin"));
    }
}
