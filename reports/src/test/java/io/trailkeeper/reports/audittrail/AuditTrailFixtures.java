package io.trailkeeper.reports.audittrail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.trailkeeper.reports.audittrail.AuditTrailSummary.CountRow;
import io.trailkeeper.reports.audittrail.AuditTrailSummary.EventRow;

/** Summaries as the web module would build them from the audit store. */
final class AuditTrailFixtures {

    static final Instant FEB_1 = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant GENERATED_AT = Instant.parse("2026-03-02T08:15:30Z");
    static final String SOURCE = "Trailkeeper audit trail (all sources)";

    static final List<String> AGENTS = List.of("claims-triage-agent", "support-copilot",
            "kyc-screening-bot", "invoice-matcher", "hr-onboarding-assistant");
    static final List<String> ACTIONS = List.of("record.read", "record.update", "email.send",
            "payment.approve", "document.classify", "case.escalate");
    private static final List<String> RESULTS = List.of("success", "success", "success", "denied", "error");

    private AuditTrailFixtures() {
    }

    /** {@code count} events spread over February 2026, two hours and a bit apart, oldest first. */
    static List<EventRow> februaryEvents(int count) {
        List<EventRow> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = FEB_1.plus(Duration.ofMinutes(133L * i)).plusSeconds(i % 60);
            String agent = AGENTS.get(i % AGENTS.size());
            String action = ACTIONS.get((i * 7) % ACTIONS.size());
            Boolean confirmed = switch (i % 3) {
                case 0 -> Boolean.TRUE;
                case 1 -> Boolean.FALSE;
                default -> null;
            };
            events.add(new EventRow(at, agent, action, "crm/customers/" + (10_000 + i) + "/profile",
                    RESULTS.get(i % RESULTS.size()), "subject-" + (4_000 + i % 37), confirmed));
        }
        return events;
    }

    /** A complete summary of {@code events}, listing all of them. */
    static AuditTrailSummary summaryOf(List<EventRow> events) {
        return summaryOf(events, events.size(), events.size());
    }

    /** A summary whose period held {@code total} events, of which the first {@code listed} are listed. */
    static AuditTrailSummary summaryOf(List<EventRow> events, long total, int listed) {
        return new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT, "alice.auditor", total,
                counts(events, EventRow::agent), counts(events, EventRow::action),
                events.subList(0, listed), SOURCE);
    }

    /** Long, unprintable and missing values, as a misbehaving agent might log them. */
    static final String HOSTILE_TARGET = "X".repeat(4_000) + " END-OF-TARGET";

    static AuditTrailSummary hostileSummary() {
        List<EventRow> events = new ArrayList<>(februaryEvents(30));
        events.set(5, new EventRow(
                FEB_1.plusSeconds(5 * 7_980 + 5),
                "agent-\uD83E\uDD16-\u76E3\u67FB",          // robot emoji and CJK: not in DejaVu
                "read\u0000\u0007\tnow\u202E",               // NUL, BEL, tab, right-to-left override
                HOSTILE_TARGET,
                "Rdenied",
                "subj\uD800ect",                                // lone surrogate
                null));
        events.set(6, new EventRow(null, null, null, null, null, null, null));
        List<CountRow> agents = new ArrayList<>(counts(events, EventRow::agent));
        agents.add(new CountRow(null, 0));
        agents.add(new CountRow("A".repeat(2_000), 0));
        return new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT,
                "mallory\u0000\uD83E\uDD16" + " very-long-user-name".repeat(60),
                events.size(), agents, counts(events, EventRow::action), events,
                "source with\nline breaks\r\nand \u2603 snowman");
    }

    static AuditTrailSummary emptySummary() {
        return new AuditTrailSummary(FEB_1, MAR_1, GENERATED_AT, "alice.auditor", 0,
                List.of(), List.of(), List.of(), SOURCE);
    }

    /** Counts by key, largest first, as the caller's GROUP BY query would return them. */
    static List<CountRow> counts(List<EventRow> events, Function<EventRow, String> key) {
        Map<String, Long> counts = new LinkedHashMap<>();
        events.forEach(event -> counts.merge(key.apply(event), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> new CountRow(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CountRow::count).reversed())
                .toList();
    }
}
