package io.trailkeeper.web.residency;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.jobs.residency.ResidencyCheckJobs;
import io.trailkeeper.residency.boundary.ResidencyCheck;
import io.trailkeeper.residency.boundary.ResidencyFindings;
import io.trailkeeper.residency.entity.CheckRun;
import io.trailkeeper.residency.entity.FindingSeverity;
import io.trailkeeper.residency.entity.FindingStatus;
import io.trailkeeper.residency.entity.FindingView;
import io.trailkeeper.residency.entity.ResidencyRejected;
import io.trailkeeper.residency.entity.StatusChange;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Residency findings with their workflow, and the checks that find them: officers decide, auditors read. */
@Path("residency")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Residency")
public class ResidencyFindingsResource {

    private ResidencyFindings findings;
    private ResidencyCheck check;
    private ResidencyCheckJobs jobs;

    @Context
    SecurityContext security;

    protected ResidencyFindingsResource() {
        // for the container's proxy
    }

    @Inject
    public ResidencyFindingsResource(ResidencyFindings findings, ResidencyCheck check, ResidencyCheckJobs jobs) {
        this.findings = findings;
        this.check = check;
        this.jobs = jobs;
    }

    @GET
    @Path("findings")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Residency findings, most severe and most recent first",
            description = "status (OPEN, ACCEPTED, RESOLVED) and severity (HIGH, MEDIUM, LOW) filter. Each names the rule broken "
                    + "with its GDPR citation, jurisdiction, source, agent, location or recipient, events, pseudonymous subjects, "
                    + "first/last seen, the catalog version that judged it and its status with reason, who and acceptance expiry.")
    public List<FindingView> list(@QueryParam("status") String status, @QueryParam("severity") String severity) {
        return findings.list(parse(FindingStatus.class, "status", status), parse(FindingSeverity.class, "severity", severity));
    }

    @GET
    @Path("findings/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One residency finding")
    public FindingView finding(@PathParam("id") String id) {
        return findings.find(ResourceIds.parse(id, "residency finding"));
    }

    @PUT
    @Path("findings/{id}/status")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept, resolve or re-open a finding",
            description = "{\"status\":\"ACCEPTED\",\"reason\":\"…\",\"acceptedUntil\":\"2027-06-30T00:00:00Z\"} (at most 366 days; "
                    + "the next check after it re-opens the finding), RESOLVED or OPEN with a reason. 422 broken rules, 409 unchanged.")
    public FindingView changeStatus(@PathParam("id") String id, StatusChange change) {
        return findings.change(ResourceIds.parse(id, "residency finding"), change, caller());
    }

    @POST
    @Path("findings/{id}/status")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Same as PUT, for clients that only POST")
    public FindingView postStatus(@PathParam("id") String id, StatusChange change) {
        return changeStatus(id, change);
    }

    @GET
    @Path("runs")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Residency checks, newest first: leaves judged, groups, events, findings added, updated and re-opened")
    public List<CheckRun> runs(@QueryParam("limit") @DefaultValue("50") int limit) {
        return check.runs(limit);
    }

    @POST
    @Path("runs")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Run a residency check over the events stored since the last one",
            description = "Synchronous by default: 201 with the run. job=true starts the Jakarta Batch job residency-check "
                    + "instead: 202 with its executionId; its run appears in GET /api/residency/runs when it ends.")
    public Response run(@QueryParam("job") @DefaultValue("false") boolean job) {
        if (job) {
            return Response.accepted(Map.of("job", ResidencyCheckJobs.JOB, "executionId", jobs.start(caller()))).build();
        }
        CheckRun run = check.run(caller());
        return Response.status(Response.Status.CREATED).entity(run).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResidencyRejected(ResidencyRejected.Reason.INVALID, name + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ": '" + value + "'");
        }
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
