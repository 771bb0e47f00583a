package io.trailkeeper.reports.audittrail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the "Audit trail summary" report shows, already aggregated by the caller.
 *
 * @param periodStart       first instant of the period, inclusive (UTC)
 * @param periodEnd         end of the period, exclusive (UTC)
 * @param generatedAt       when the report was requested
 * @param generatedBy       user name of the person who asked for it
 * @param totalEvents       number of events in the period; may exceed {@code events.size()}
 * @param eventsPerAgent    event counts by agent, in the order they should be shown
 * @param eventsPerAction   event counts by action, in the order they should be shown
 * @param events            events in the period in the order they should be listed, possibly capped
 * @param sourceDescription where the events come from, e.g. "Trailkeeper audit trail (all sources)"
 */
public record AuditTrailSummary(
        Instant periodStart,
        Instant periodEnd,
        Instant generatedAt,
        String generatedBy,
        long totalEvents,
        List<CountRow> eventsPerAgent,
        List<CountRow> eventsPerAction,
        List<EventRow> events,
        String sourceDescription) {

    public AuditTrailSummary {
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(sourceDescription, "sourceDescription");
        if (!periodStart.isBefore(periodEnd)) {
            throw new IllegalArgumentException(
                    "periodStart must be before periodEnd: " + periodStart + " / " + periodEnd);
        }
        if (totalEvents < 0) {
            throw new IllegalArgumentException("totalEvents must not be negative: " + totalEvents);
        }
        // Copies keep the report stable if the caller reuses its lists; List.copyOf also rejects null rows.
        eventsPerAgent = List.copyOf(Objects.requireNonNull(eventsPerAgent, "eventsPerAgent"));
        eventsPerAction = List.copyOf(Objects.requireNonNull(eventsPerAction, "eventsPerAction"));
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /**
     * A label with its number of events.
     *
     * @param label agent or action name; null is shown as "—"
     * @param count number of events, not negative
     */
    public record CountRow(String label, long count) {
        public CountRow {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
        }
    }

    /**
     * One audit event as listed in the report. Every field may be null when it was not recorded; the
     * report shows "—" for it.
     *
     * @param occurredAt     when the event happened
     * @param agent          the AI agent (or service) that acted
     * @param action         what it did
     * @param target         what it acted on
     * @param result         outcome, e.g. "success" or "denied"
     * @param subjectRef     reference to the data subject or case concerned
     * @param humanConfirmed whether a person confirmed the action; null when not applicable or unknown
     */
    public record EventRow(Instant occurredAt, String agent, String action, String target,
                           String result, String subjectRef, Boolean humanConfirmed) {
    }

    /** True when {@link #events()} lists fewer events than happened in the period. */
    public boolean eventsTruncated() {
        return events.size() < totalEvents;
    }
}
