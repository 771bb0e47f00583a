package io.trailkeeper.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DatabaseSettingsH2PasswordTest {

    @Test
    void toStringDoesNotShowAPasswordGivenAsAnH2UrlSetting() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:tcp://db/trail;USER=sa;PASSWORD=secret", "", "");

        assertFalse(settings.toString().contains("secret"), settings.toString());
        assertFalse(settings.redactedUrl().contains("secret"), settings.redactedUrl());
    }
}
