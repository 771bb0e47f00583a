package io.trailkeeper.source.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceKeyPropertyTest {

    @Test
    void aNameOfTheNamespaceMapsToItsEnvironmentVariable() {
        SourceKeyProperty property = new SourceKeyProperty("trailkeeper.source-keys.prod.secret-key");
        assertEquals("TRAILKEEPER_SOURCE_KEYS_PROD_SECRET_KEY", property.environmentVariable());
    }

    @Test
    void namesOutsideTheNamespaceAreNoSourceKeys() {
        for (String name : new String[] {null, "", " ", "java.home", "trailkeeper.source-keys", "trailkeeper.source-keys.",
                "trailkeeper.source-keys..x", "trailkeeper.source-keys.Prod", "xtrailkeeper.source-keys.prod",
                "trailkeeper.source-keys.prod key", "trailkeeper.source-keys." + "a".repeat(200)}) {
            assertFalse(SourceKeyProperty.isOne(name), String.valueOf(name));
        }
        assertThrows(IllegalArgumentException.class, () -> new SourceKeyProperty("trailkeeper.db.password"));
        assertTrue(SourceKeyProperty.isOne("trailkeeper.source-keys.eu_prod-2.public-key"));
    }
}
