package io.trailkeeper.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {

    @Test
    void aUuidIsReadAsIs() {
        UUID id = UUID.randomUUID();
        assertEquals(id, ResourceIds.parse(id.toString(), "source"));
    }

    @Test
    void textThatIsNoUuidIsTheSame404AsAnUnknownId() {
        NotFoundException malformed = assertThrows(NotFoundException.class, () -> ResourceIds.parse("42; drop", "quarantined record"));
        assertEquals("no quarantined record with id 42; drop", malformed.getMessage());
        assertEquals(404, malformed.getResponse().getStatus());
        assertEquals(malformed.getMessage(), ResourceIds.notFound("quarantined record", "42; drop").getMessage());
    }
}
