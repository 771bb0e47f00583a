package io.trailkeeper.web.reports;

import io.trailkeeper.reports.audittrail.AuditTrailSummary;
import io.trailkeeper.reports.audittrail.AuditTrailSummaryPdf;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.EventCount;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.web.platform.Period;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Produces the "audit trail summary" PDF for a period. The events table is capped at
 * {@link #MAX_EVENT_ROWS} rows (the PDF says so when it is); counts always cover the whole period.
 */
@ApplicationScoped
public class AuditTrailSummaryReport {

    public static final int MAX_EVENT_ROWS = 5_000;
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    public record RenderedPdf(String fileName, byte[] content) {
    }

    @EJB
    TrailQueries trail;

    @Inject
    Clock clock;

    public RenderedPdf render(Period period, String requestedBy) {
        if (period.length().compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("a summary covers at most " + MAX_PERIOD.toDays() + " days");
        }
        EventFilter filter = EventFilter.period(period.from(), period.to());
        AuditTrailSummary summary = new AuditTrailSummary(period.from(), period.to(), clock.instant(), requestedBy,
                trail.count(filter),
                rows(trail.countsPerAgent(filter)),
                rows(trail.countsPerAction(filter)),
                trail.chronological(filter, MAX_EVENT_ROWS).stream().map(AuditTrailSummaryReport::row).toList(),
                "Trailkeeper audit trail (all sources)");
        try {
            return new RenderedPdf(AuditTrailSummaryPdf.fileName(summary), new AuditTrailSummaryPdf().render(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("the audit trail summary could not be rendered", e);
        }
    }

    private static List<AuditTrailSummary.CountRow> rows(List<EventCount> counts) {
        return counts.stream().map(c -> new AuditTrailSummary.CountRow(c.label(), c.count())).toList();
    }

    private static AuditTrailSummary.EventRow row(AuditEvent e) {
        return new AuditTrailSummary.EventRow(e.occurredAt(), e.agentId(), e.action(), e.target(), e.result(),
                e.subjectPseudonym(), e.humanConfirmed());
    }
}
