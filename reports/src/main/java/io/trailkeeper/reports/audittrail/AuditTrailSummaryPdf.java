package io.trailkeeper.reports.audittrail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;

import io.trailkeeper.reports.audittrail.AuditTrailSummary.CountRow;
import io.trailkeeper.reports.audittrail.AuditTrailSummary.EventRow;
import io.trailkeeper.reports.pdf.ArchivalDocument;
import io.trailkeeper.reports.pdf.DocumentProperties;
import io.trailkeeper.reports.pdf.FieldList;
import io.trailkeeper.reports.pdf.FieldList.Field;
import io.trailkeeper.reports.pdf.PageFlow;
import io.trailkeeper.reports.pdf.PageFrame;
import io.trailkeeper.reports.pdf.PageGeometry;
import io.trailkeeper.reports.pdf.ReportFonts;
import io.trailkeeper.reports.pdf.ReportFormats;
import io.trailkeeper.reports.pdf.TableColumn;
import io.trailkeeper.reports.pdf.TableStyle;
import io.trailkeeper.reports.pdf.TableWriter;

/**
 * Renders an {@link AuditTrailSummary} as a PDF/A-2b document: title and facts (period, generator,
 * totals), events per agent and per action with their share, then the event list, which continues over
 * as many pages as needed. Stateless and thread-safe; each call builds its own document.
 */
public final class AuditTrailSummaryPdf {

    static final String TITLE = "Audit trail summary";
    static final String PRODUCT = "Trailkeeper";
    static final String NO_EVENTS = "No events in this period.";

    private static final float TITLE_SIZE = 18f;
    private static final float HEADING_SIZE = 12f;
    private static final float BODY_SIZE = 9.5f;
    private static final float FIELD_LABEL_WIDTH = 90f;
    /** Room for a table header and a couple of rows, so a heading never sits alone at a page foot. */
    private static final float KEEP_WITH_HEADING = 60f;
    /** The count tables have three short columns; full width would spread them uselessly far apart. */
    private static final float COUNT_TABLE_SHARE = 0.6f;

    private static final DateTimeFormatter FILE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter FILE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm", Locale.ROOT);

    public AuditTrailSummaryPdf() {
    }

    /** Writes the PDF to {@code out}; the stream is flushed but not closed. */
    public void render(AuditTrailSummary summary, OutputStream out) throws IOException {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(out, "out");
        PageGeometry geometry = PageGeometry.a4Landscape();
        try (PDDocument document = ArchivalDocument.create(properties(summary))) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            try (PageFlow flow = new PageFlow(document, geometry)) {
                writeBody(summary, fonts, flow);
            }
            new PageFrame(PRODUCT + " \u00b7 " + TITLE, TITLE, period(summary))
                    .stamp(document, fonts, geometry);
            document.save(out);
        }
        out.flush();
    }

    public byte[] render(AuditTrailSummary summary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(summary, out);
        return out.toByteArray();
    }

    /**
     * A download name that says what the file covers, e.g. {@code
     * audit-trail-summary_2026-02-01_2026-03-01.pdf}. Dates are UTC; a bound that is not midnight also
     * gets its time ({@code 2026-02-01T1530}) so different periods on the same day do not collide.
     */
    public static String fileName(AuditTrailSummary s) {
        return "audit-trail-summary_" + fileDate(s.periodStart()) + "_" + fileDate(s.periodEnd()) + ".pdf";
    }

    private static String fileDate(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return utc.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? FILE_DATE.format(utc) : FILE_DATE_TIME.format(utc);
    }

    private static DocumentProperties properties(AuditTrailSummary summary) {
        return new DocumentProperties(
                TITLE + ", " + period(summary),
                PRODUCT,
                "Audit trail events from " + period(summary) + " (end exclusive): "
                        + summary.totalEvents() + " events. Source: " + summary.sourceDescription(),
                "Trailkeeper, audit trail, compliance evidence",
                summary.generatedAt());
    }

    private static String period(AuditTrailSummary summary) {
        return ReportFormats.utcDateTime(summary.periodStart()) + " \u2013 "
                + ReportFormats.utcDateTime(summary.periodEnd());
    }

    private static void writeBody(AuditTrailSummary summary, ReportFonts fonts, PageFlow flow)
            throws IOException {
        flow.heading(TITLE, fonts.bold(), TITLE_SIZE, 0f);
        flow.space(4f);
        new FieldList(fonts, BODY_SIZE, FIELD_LABEL_WIDTH).write(flow, List.of(
                new Field("Period", period(summary) + " (start inclusive, end exclusive)"),
                new Field("Generated at", ReportFormats.utcDateTime(summary.generatedAt())),
                new Field("Generated by", summary.generatedBy()),
                new Field("Source", summary.sourceDescription()),
                new Field("Total events", ReportFormats.count(summary.totalEvents()))));

        TableWriter tables = new TableWriter(fonts, TableStyle.standard());
        float countTableWidth = flow.geometry().contentWidth() * COUNT_TABLE_SHARE;
        writeCounts(summary, fonts, flow, tables, "Events per agent", "Agent",
                summary.eventsPerAgent(), countTableWidth);
        writeCounts(summary, fonts, flow, tables, "Events per action", "Action",
                summary.eventsPerAction(), countTableWidth);
        writeEvents(summary, fonts, flow, tables);
    }

    private static void writeCounts(AuditTrailSummary summary, ReportFonts fonts, PageFlow flow,
                                    TableWriter tables, String heading, String labelHeader,
                                    List<CountRow> rows, float tableWidth) throws IOException {
        flow.space(14f);
        flow.heading(heading, fonts.bold(), HEADING_SIZE, KEEP_WITH_HEADING);
        if (rows.isEmpty()) {
            flow.paragraph(summary.totalEvents() == 0 ? NO_EVENTS : "No breakdown available.",
                    fonts.regular(), BODY_SIZE);
            return;
        }
        long total = summary.totalEvents();
        tables.write(flow, List.of(
                TableColumn.<CountRow>left(labelHeader, 6f, CountRow::label),
                TableColumn.<CountRow>right("Events", 2f, row -> ReportFormats.count(row.count())),
                TableColumn.<CountRow>right("Share", 2f, row -> ReportFormats.percent(row.count(), total))),
                rows, tableWidth);
    }

    private static void writeEvents(AuditTrailSummary summary, ReportFonts fonts, PageFlow flow,
                                    TableWriter tables) throws IOException {
        flow.space(14f);
        flow.heading("Events", fonts.bold(), HEADING_SIZE, KEEP_WITH_HEADING);
        if (summary.totalEvents() == 0 && summary.events().isEmpty()) {
            flow.paragraph(NO_EVENTS, fonts.regular(), BODY_SIZE);
            return;
        }
        if (summary.eventsTruncated()) {
            // Said before the table so nobody mistakes the list for the complete record.
            flow.paragraph(truncationNotice(summary), fonts.bold(), BODY_SIZE);
            flow.space(4f);
        }
        if (!summary.events().isEmpty()) {
            tables.write(flow, eventColumns(), summary.events());
        }
    }

    static String truncationNotice(AuditTrailSummary summary) {
        return "Showing the first " + summary.events().size() + " of " + summary.totalEvents()
                + " events; narrow the period for the full list.";
    }

    private static List<TableColumn<EventRow>> eventColumns() {
        return List.of(
                TableColumn.<EventRow>left("Occurred at (UTC)", 13f,
                        row -> ReportFormats.utcDateTimeCell(row.occurredAt())),
                TableColumn.<EventRow>left("Agent", 14f, EventRow::agent),
                TableColumn.<EventRow>left("Action", 14f, EventRow::action),
                TableColumn.<EventRow>left("Target", 25f, EventRow::target).wrapping(2),
                TableColumn.<EventRow>left("Result", 10f, EventRow::result),
                TableColumn.<EventRow>left("Subject", 15f, EventRow::subjectRef),
                TableColumn.<EventRow>center("Human confirmed", 9f,
                        row -> ReportFormats.yesNo(row.humanConfirmed())));
    }
}
