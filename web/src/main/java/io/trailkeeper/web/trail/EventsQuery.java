package io.trailkeeper.web.trail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The query string of an events-browser URL: only criteria that are set, each value encoded. */
final class EventsQuery {

    private EventsQuery() {
    }

    static String of(Map<String, String> criteria) {
        String query = criteria.entrySet().stream()
                .filter(c -> c.getValue() != null && !c.getValue().isBlank())
                .map(c -> c.getKey() + "=" + URLEncoder.encode(c.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "?" : "?" + query;
    }
}
