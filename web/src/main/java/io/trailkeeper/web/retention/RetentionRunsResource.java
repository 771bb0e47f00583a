package io.trailkeeper.web.retention;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.jobs.retention.RetentionRunLauncher;
import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.web.platform.Period;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retention's deletion runs: officers start one, everyone who may see retention reads them. */
@Path("retention/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class RetentionRunsResource {

    private RetentionRunLauncher launcher;
    private RetentionRuns runs;

    @Context
    SecurityContext security;

    protected RetentionRunsResource() {
        // for the container's proxy
    }

    @Inject
    public RetentionRunsResource(RetentionRunLauncher launcher, RetentionRuns runs) {
        this.launcher = launcher;
        this.runs = runs;
    }

    @POST
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Start a deletion run", description = "at: ISO-8601 instant or date, not later than now (default now). "
            + "Deletes what the dry run for that instant shows would go, through the tamper-evident log; held events stay. "
            + "Policies that keep metadata and destroy content are not carried out yet (the run says so). 202 with Location.")
    public Response start(@QueryParam("at") String at) {
        RetentionRunView run = launcher.start(Period.parse("at", at), "MANUAL", security.getUserPrincipal().getName());
        return Response.accepted(run).location(UriBuilder.fromPath("/api/retention/runs/{id}").build(run.id())).build();
    }

    @GET
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Deletion runs, newest first, with their outcome")
    public List<RetentionRunView> list(@QueryParam("max") @DefaultValue("50") int max) {
        return runs.list(max);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One deletion run: status, who, started/ended, per policy what the dry run showed and what was deleted, "
            + "held back with reasons")
    public RetentionRunView run(@PathParam("id") String id) {
        return runs.find(ResourceIds.parse(id, "retention run"));
    }
}
