package io.trailkeeper.access.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PasswordPolicyLocaleTest {

    @Test
    void rejectsAPasswordContainingTheUserNameInUpperCaseWhateverTheServerLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            // Under a Turkish default locale "ADMIN".toLowerCase() is "admın" (dotless i).
            assertTrue(PasswordPolicy.problemWith("my-ADMIN-password".toCharArray(), "admin").isPresent());
        } finally {
            Locale.setDefault(before);
        }
    }
}
