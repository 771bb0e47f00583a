package io.trailkeeper.web.reports;

import io.trailkeeper.web.platform.Period;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * The summary PDF for the pages: same report as the REST API, but reached with the browser session
 * (the API takes only HTTP Basic). Under {@code /app/}, so only signed-in people reach it.
 */
@WebServlet("/app/reports/audit-trail-summary.pdf")
public class AuditTrailSummaryDownload extends HttpServlet {

    @Inject
    AuditTrailSummaryReport summaries;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Period period;
        try {
            period = Period.parseOrLastDays(request.getParameter("from"), request.getParameter("to"), ReportsResource.DEFAULT_DAYS, clock);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        AuditTrailSummaryReport.RenderedPdf pdf = summaries.render(period, request.getUserPrincipal().getName());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.content().length);
        response.getOutputStream().write(pdf.content());
    }
}
