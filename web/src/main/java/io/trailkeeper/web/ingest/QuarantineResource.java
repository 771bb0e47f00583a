package io.trailkeeper.web.ingest;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.ingest.boundary.Quarantine;
import io.trailkeeper.ingest.masking.control.SensitiveDataMasking;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.ReprocessOutcome;
import io.trailkeeper.web.platform.Problem;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Records imports set aside: list, inspect, re-process. */
@Path("quarantine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class QuarantineResource {

    /** Shown bytes of a record; the whole record stays in the database. */
    static final int PREVIEW_CHARACTERS = 4096;
    private static final String RECORD = "quarantined record";
    private static final SensitiveDataMasking MASKING = new SensitiveDataMasking();

    public record QuarantinedView(UUID id, String source, String format, long lineNumber, long byteOffset, String reason,
                                  int rawSize, boolean rawTruncated, Instant quarantinedAt, Long importExecutionId,
                                  Instant resolvedAt, String resolvedBy, String resolution, String preview) {

        static QuarantinedView of(QuarantinedRecord q, String preview) {
            return new QuarantinedView(q.id(), q.source().name(), q.source().kind().name(), q.lineNumber(), q.byteOffset(),
                    q.reason(), q.rawSize(), q.rawTruncated(), q.quarantinedAt(), q.importExecutionId(),
                    q.resolvedAt(), q.resolvedBy(), q.resolution(), preview);
        }
    }

    @EJB
    Quarantine quarantine;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Quarantined records, newest first", description = "open=true (default) lists only those not yet resolved.")
    public List<QuarantinedView> list(@QueryParam("source") String source, @QueryParam("open") @DefaultValue("true") boolean open,
                                      @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return quarantine.list(source, open, page, size).stream().map(q -> QuarantinedView.of(q, null)).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One quarantined record with a preview of what arrived",
            description = "The preview is the record as text, with secrets and personal data masked, at most 4096 characters.")
    public QuarantinedView record(@PathParam("id") String id) {
        QuarantinedRecord record = quarantine.find(uuid(id)).orElseThrow(() -> ResourceIds.notFound(RECORD, id));
        return QuarantinedView.of(record, preview(quarantine.keptBytes(record)));
    }

    @POST
    @Path("{id}/reprocess")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @Operation(summary = "Read a quarantined record again and store it if it now reads as events",
            description = "Without a body the record is read as kept; with a body (one corrected line in the source's format) "
                    + "the correction is read instead. 200 with the counts when stored; 422 with the reasons when it still "
                    + "cannot be read, and nothing changes.")
    public Response reprocess(@PathParam("id") String id, byte[] corrected) {
        ReprocessOutcome outcome = quarantine.reprocess(uuid(id), corrected == null || corrected.length == 0 ? null : corrected,
                        security.getUserPrincipal().getName())
                .orElseThrow(() -> ResourceIds.notFound(RECORD, id));
        if (!outcome.accepted()) {
            return Problem.of(422, "Unprocessable Content", "the record still cannot be read: " + String.join("; ", outcome.reasons()))
                    .toResponse();
        }
        return Response.ok(outcome).build();
    }

    static String preview(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.length() > PREVIEW_CHARACTERS) {
            int cut = Character.isLowSurrogate(text.charAt(PREVIEW_CHARACTERS)) ? PREVIEW_CHARACTERS - 1 : PREVIEW_CHARACTERS;
            text = text.substring(0, cut) + "…";
        }
        return MASKING.mask(text).text();
    }

    private static UUID uuid(String id) {
        return ResourceIds.parse(id, RECORD);
    }
}
