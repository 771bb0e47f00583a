package io.trailkeeper.web.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailkeeper.trail.entity.MaskingCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsPageTest {

    @Test
    void aBookmarkCarriesOnlyTheCriteriaThatAreSetEncoded() {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("from", "2026-11-01");
        criteria.put("agent", " support bot ");
        criteria.put("action", "");
        criteria.put("result", null);
        criteria.put("region", "eu&west");

        assertEquals("?from=2026-11-01&agent=support+bot&region=eu%26west", EventsQuery.of(criteria));
        assertEquals("?", EventsQuery.of(Map.of()));
    }

    @Test
    void maskingCountsReadAsWords() {
        assertEquals("nothing", EventsPage.describe(MaskingCounts.NONE));
        assertEquals("nothing", EventsPage.describe(null));
        assertEquals("1 secret, 2 e-mail addresses", EventsPage.describe(new MaskingCounts(1, 0, 0, 2, 0)));
        assertEquals("2 payment cards, 1 US SSN, 1 phone number", EventsPage.describe(new MaskingCounts(0, 2, 1, 0, 1)));
    }
}
