package io.trailkeeper.web.retention;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.retention.boundary.LegalHolds;
import io.trailkeeper.retention.boundary.RetentionDryRun;
import io.trailkeeper.retention.entity.DryRun;
import io.trailkeeper.retention.entity.HoldDefinition;
import io.trailkeeper.retention.entity.HoldView;
import io.trailkeeper.web.platform.Period;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Legal holds (place, list, release) and the dry run that shows what they and the floors hold back. */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class LegalHoldsResource {

    private static final String HOLD = "legal hold";

    private LegalHolds holds;
    private RetentionDryRun dryRun;
    private Clock clock;

    @Context
    SecurityContext security;

    protected LegalHoldsResource() {
        // for the container's proxy
    }

    @Inject
    public LegalHoldsResource(LegalHolds holds, RetentionDryRun dryRun, Clock clock) {
        this.holds = holds;
        this.dryRun = dryRun;
        this.clock = clock;
    }

    @GET
    @Path("holds")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Legal holds in force, newest first (all=true: released ones too); subjects as pseudonyms")
    public List<HoldView> list(@QueryParam("all") @DefaultValue("false") boolean all) {
        return holds.list(all);
    }

    @POST
    @Path("holds")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a legal hold", description = "matter and reason (required); scope, each optional and all "
            + "together narrowing it: subjects (identifiers, pseudonymised on the way in and never stored), subjectPseudonyms, "
            + "agents, sources, from/until (instants, occurrence). No scope at all holds the whole trail. 201; 422 listing "
            + "broken rules.")
    public Response place(HoldDefinition definition) {
        HoldView placed = holds.place(definition, caller());
        return Response.created(UriBuilder.fromPath("/api/retention/holds/{id}").build(placed.id())).entity(placed).build();
    }

    @GET
    @Path("holds/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One legal hold")
    public HoldView hold(@PathParam("id") String id) {
        return holds.find(ResourceIds.parse(id, HOLD));
    }

    @POST
    @Path("holds/{id}/release")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release a legal hold (body {\"reason\":\"...\"}); recorded with who and when; 409 if already released")
    public HoldView release(@PathParam("id") String id, Reasoned body) {
        return holds.release(ResourceIds.parse(id, HOLD), Reasoned.of(body), caller());
    }

    @GET
    @Path("dry-run")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "What retention would do as of an instant, deleting nothing",
            description = "at: ISO-8601 instant or date (default now). Per active policy: expired events of its scope, how many "
                    + "would go, how many are held back and by which legal floor, legal hold or open data-subject request, the "
                    + "oldest and newest that would go; the conflicts between policies; classes with events and no policy.")
    public DryRun dryRun(@QueryParam("at") String at) {
        Instant instant = Period.parse("at", at);
        return dryRun.asOf(instant == null ? clock.instant() : instant);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
