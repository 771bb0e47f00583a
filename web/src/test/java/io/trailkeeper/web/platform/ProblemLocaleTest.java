package io.trailkeeper.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemLocaleTest {

    @Test
    void theTypeUrnDoesNotDependOnTheServerLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertEquals("urn:trailkeeper:problem:internal-server-error",
                    Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "x").type());
        } finally {
            Locale.setDefault(before);
        }
    }
}
