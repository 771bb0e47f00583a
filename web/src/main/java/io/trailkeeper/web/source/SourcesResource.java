package io.trailkeeper.web.source;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.jobs.source.PullStarted;
import io.trailkeeper.jobs.source.PullStatus;
import io.trailkeeper.jobs.source.SourcePulls;
import io.trailkeeper.source.boundary.SourceCatalog;
import io.trailkeeper.source.boundary.SourceCheck;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourceDefinition;
import io.trailkeeper.source.entity.SourceTestResult;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sources of audit trails: configure, test and pull them, see their pulls. */
@Path("sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
public class SourcesResource {

    private static final int MAX_LISTED = 100;
    private static final String SOURCE = "source";

    @EJB
    SourceCatalog catalog;

    @EJB
    SourceCheck check;

    @EJB
    SourcePulls pulls;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "All sources with their settings, counts and last pull, by name")
    public List<SourceView> list() {
        return catalog.list().stream().map(s -> SourceView.withLastPull(s, pulls)).toList();
    }

    @POST
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a source",
            description = "kind JSONL_FILE or OTLP_JSON: optional watchedDirectory (absolute path on the server) and "
                    + "pollIntervalSeconds (60..86400, default 300). kind LANGFUSE_API: baseUrl (https; http only for localhost), "
                    + "publicKeyProperty and secretKeyProperty (NAMES of configuration properties holding the keys, never the "
                    + "keys), pageSize (1..1000, default 100). enabled=false pauses scheduled pulls. 201 with the source; "
                    + "409 when the name is taken; 422 listing every broken rule.")
    public Response add(SourceDefinition definition) {
        ConfiguredSource added = catalog.add(required(definition), caller());
        return Response.created(UriBuilder.fromPath("/api/sources/{id}").build(added.id()))
                .entity(SourceView.of(added, null)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One source with its settings, counts and last pull")
    public SourceView source(@PathParam("id") String id) {
        ConfiguredSource source = catalog.find(uuid(id)).orElseThrow(() -> ResourceIds.notFound(SOURCE, id));
        return SourceView.withLastPull(source, pulls);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a source's description and pulling settings",
            description = "The same fields as when adding; name and kind may be left out and cannot change (422). "
                    + "Fields left out take their defaults, as when adding.")
    public SourceView edit(@PathParam("id") String id, SourceDefinition definition) {
        ConfiguredSource edited = catalog.edit(uuid(id), required(definition), caller());
        return SourceView.withLastPull(edited, pulls);
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Test a source without pulling it",
            description = "Watched directory: exists, is a directory, readable, how many files a pull would consider. Langfuse: "
                    + "both key properties are set (names only), and the API answers GET /api/public/v2/observations?limit=1 "
                    + "with those keys. 200 with every check, passed or not.")
    public SourceTestResult test(@PathParam("id") String id) {
        return check.test(catalog.find(uuid(id)).orElseThrow(() -> ResourceIds.notFound(SOURCE, id)));
    }

    @POST
    @Path("{id}/pulls")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Pull a source now",
            description = "A watched directory: each new or changed file starts an import (files are read in place, never "
                    + "changed or removed). Langfuse: resumes a failed or interrupted pull from its cursor (resumedFrom names it), "
                    + "otherwise starts the job langfuse-pull from an hour before the last completed pull. "
                    + "202 with the started executions (follow them at GET /api/sources/{id}/pulls or /api/imports/{executionId}); "
                    + "200 when there was nothing new; 409 while a pull of the source still runs; 422 when the source has nothing "
                    + "to pull or its credentials are not configured; 503 when the job for its kind is not deployed.")
    public Response pull(@PathParam("id") String id) {
        PullStarted started = pulls.pull(uuid(id), PullTrigger.MANUAL, caller());
        if (started.started().isEmpty()) {
            return Response.ok(started).build();
        }
        return Response.accepted(started).location(UriBuilder.fromPath("/api/sources/{id}/pulls").build(id)).build();
    }

    @GET
    @Path("{id}/pulls")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "A source's recent pulls with status and counts, newest first")
    public List<PullStatus> recentPulls(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LISTED);
        }
        UUID sourceId = uuid(id);
        catalog.find(sourceId).orElseThrow(() -> ResourceIds.notFound(SOURCE, id));
        return pulls.recent(sourceId, limit);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private static SourceDefinition required(SourceDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("send the source as a JSON object, e.g. {\"name\":\"support-bot\",\"kind\":\"JSONL_FILE\"}");
        }
        return definition;
    }

    private static UUID uuid(String id) {
        return ResourceIds.parse(id, SOURCE);
    }
}
