package io.trailkeeper.web.ingest;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.ingest.boundary.Quarantine;
import io.trailkeeper.jobs.ingest.ImportLauncher;
import io.trailkeeper.jobs.ingest.ImportNotRestartable;
import io.trailkeeper.jobs.ingest.ImportStatus;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports of agent-action trails: start one from an upload, follow its progress, restart it after an interruption. */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportsResource {

    private static final int MAX_LISTED = 100;

    @EJB
    ImportLauncher launcher;

    @EJB
    Quarantine quarantine;

    @POST
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a JSON-lines trail and start its import",
            description = "format=agent-actions (default): one agent action per line. format=otlp-json: one OpenTelemetry "
                    + "ExportTraceServiceRequest per line (OTLP/JSON file exporter), GenAI spans in either semantic-convention "
                    + "dialect. Answers 202 with the import's status; poll the Location until the status is COMPLETED. "
                    + "Malformed lines and spans are quarantined with their line number and reason; re-importing the same "
                    + "data stores nothing new. A source keeps the format it was created with.")
    public Response upload(@QueryParam("source") String source, @QueryParam("format") @DefaultValue("agent-actions") String format,
                           @QueryParam("fileName") String fileName, InputStream body) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("name the audit source with ?source=...; events are unique per source");
        }
        ImportStatus started = launcher.importUpload(source, FileFormat.named(format), fileName, body);
        return Response.accepted(started)
                .location(UriBuilder.fromPath("/api/imports/{id}").build(started.executionId()))
                .build();
    }

    @GET
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The most recent imports, newest first")
    public List<ImportStatus> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LISTED);
        }
        return launcher.recent(limit);
    }

    @GET
    @Path("{executionId}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One import's status and counts")
    public ImportStatus status(@PathParam("executionId") long executionId) {
        return launcher.status(executionId).orElseThrow(() -> ResourceIds.notFound("import", executionId));
    }

    @POST
    @Path("{executionId}/restart")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Restart a failed or stopped import from its last checkpoint",
            description = "Continues after the last committed line of the same file; nothing is stored twice. Answers 202 "
                    + "with the new execution's status (restartedFrom names this one). 409 when the import is still running, "
                    + "has completed, was abandoned or already restarted (follow latestExecutionId), or its file is gone. "
                    + "After a server crash, interrupted imports are resumed by themselves unless "
                    + "trailkeeper.import.resume-after-crash=false.")
    public Response restart(@PathParam("executionId") long executionId) {
        ImportStatus restarted;
        try {
            restarted = launcher.restart(executionId).orElseThrow(() -> ResourceIds.notFound("import", executionId));
        } catch (ImportNotRestartable e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
        return Response.accepted(restarted)
                .location(UriBuilder.fromPath("/api/imports/{id}").build(restarted.executionId()))
                .build();
    }

    @GET
    @Path("{executionId}/quarantined")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The records this import set aside, with line number and reason (at most 1000)")
    public List<QuarantineResource.QuarantinedView> quarantined(@PathParam("executionId") long executionId) {
        status(executionId);
        return quarantine.setAsideBy(executionId).stream().map(q -> QuarantineResource.QuarantinedView.of(q, null)).toList();
    }
}
