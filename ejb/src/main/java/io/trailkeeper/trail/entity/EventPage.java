package io.trailkeeper.trail.entity;

import java.util.List;

/** One page of events, newest first, with the total that matched so a client can page on. */
public record EventPage(List<AuditEvent> items, int page, int size, long total) {

    public EventPage {
        items = List.copyOf(items);
    }
}
