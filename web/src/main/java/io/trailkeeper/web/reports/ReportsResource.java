package io.trailkeeper.web.reports;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.web.platform.Period;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evidence reports as PDF. */
@Path("reports")
@RequestScoped
@RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
@Tag(name = "Reports")
public class ReportsResource {

    static final int DEFAULT_DAYS = 7;

    @Inject
    AuditTrailSummaryReport summaries;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @GET
    @Path("audit-trail-summary")
    @Produces("application/pdf")
    @Operation(summary = "Audit trail summary for a period, as PDF",
            description = "from (inclusive) and to (exclusive): ISO-8601 instants or dates (UTC); both absent = the last 7 days.")
    public Response auditTrailSummary(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = Period.parseOrLastDays(from, to, DEFAULT_DAYS, clock);
        AuditTrailSummaryReport.RenderedPdf pdf = summaries.render(period, security.getUserPrincipal().getName());
        return Response.ok(pdf.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
