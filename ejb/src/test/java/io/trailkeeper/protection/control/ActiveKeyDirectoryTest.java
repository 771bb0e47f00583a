package io.trailkeeper.protection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActiveKeyDirectoryTest {

    private final ActiveKeyDirectory directory = new ActiveKeyDirectory();
    private final UUID janesKey = UUID.randomUUID();

    @Test
    void aRememberedKeyIsFoundWhileNoKeyWasDestroyed() {
        directory.remember("ps1_jane", janesKey, 3);

        assertEquals(janesKey, directory.keyIdOf("ps1_jane", 3));
        assertNull(directory.keyIdOf("ps1_omar", 3));
    }

    @Test
    void anyDestructionSinceForgetsEveryRememberedKey() {
        directory.remember("ps1_jane", janesKey, 3);
        directory.remember("ps1_omar", UUID.randomUUID(), 3);

        assertNull(directory.keyIdOf("ps1_jane", 4), "a key destroyed on another server raises the count");
        assertNull(directory.keyIdOf("ps1_omar", 4));
        assertEquals(0, directory.size());
    }

    @Test
    void aCountThatWentDownIsNotTrustedEither() {
        directory.remember("ps1_jane", janesKey, 3);

        assertNull(directory.keyIdOf("ps1_jane", 2), "e.g. the database was restored from a backup");
    }

    @Test
    void whatAReaderSawUnderAnOlderCountIsNotRememberedUnderTheNewOne() {
        directory.keyIdOf("ps1_other", 5); // another import already saw a destruction
        directory.remember("ps1_jane", janesKey, 4); // this one read the keys before it committed

        assertNull(directory.keyIdOf("ps1_jane", 5));
    }

    @Test
    void forgettingAnOwnerTakesEffectAtOnce() {
        directory.remember("ps1_jane", janesKey, 3);

        directory.forget("ps1_jane");

        assertNull(directory.keyIdOf("ps1_jane", 3));
    }

    @Test
    void theFirstKeyRememberedForAnOwnerStays() {
        UUID other = UUID.randomUUID();
        directory.remember("ps1_jane", janesKey, 3);
        directory.remember("ps1_jane", other, 3); // two imports created keys for her at once: both are valid

        assertEquals(janesKey, directory.keyIdOf("ps1_jane", 3));
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() {
        for (int i = 0; i <= ActiveKeyDirectory.CAPACITY; i++) {
            directory.remember("ps1_" + i, UUID.randomUUID(), 0);
        }

        assertEquals(1, directory.size(), "full: started empty again with the newest owner");
    }
}
