package io.trailkeeper.web.retention;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.retention.boundary.RecordClassification;
import io.trailkeeper.retention.entity.RecordClassDefinition;
import io.trailkeeper.retention.entity.RecordClassView;
import io.trailkeeper.retention.entity.RuleDefinition;
import io.trailkeeper.retention.entity.RuleView;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Record classes with their counts and floors, and the classification rules that fill them. */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class RecordClassesResource {

    private RecordClassification classification;

    @Context
    SecurityContext security;

    protected RecordClassesResource() {
        // for the container's proxy
    }

    @Inject
    public RecordClassesResource(RecordClassification classification) {
        this.classification = classification;
    }

    @GET
    @Path("classes")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Record classes with the events the rules put into each now (the default class counts the unmatched), "
            + "the legal floors that bind each and how many active policies cover it")
    public List<RecordClassView> classes() {
        return classification.classes();
    }

    @POST
    @Path("classes")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a record class", description = "code (A-Z, 0-9, _), name, description, hipaaDocumentation, "
            + "soc2Evidence (which floors apply), reason. 201; 409 when the code is taken; 422 listing every broken rule.")
    public Response addClass(RecordClassDefinition definition) {
        RecordClassView added = classification.addClass(definition, caller());
        return Response.created(UriBuilder.fromPath("/api/retention/classes").build()).entity(added).build();
    }

    @PUT
    @Path("classes/{code}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a record class's name, description or floor flags (with a reason)")
    public RecordClassView editClass(@PathParam("code") String code, RecordClassDefinition definition) {
        return classification.editClass(code, definition, caller());
    }

    @GET
    @Path("rules")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Classification rules in evaluation order: the first that matches an event decides its class")
    public List<RuleView> rules() {
        return classification.rules();
    }

    @POST
    @Path("rules")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a classification rule", description = "recordClass, evaluationOrder (default: after the last), "
            + "conditions (at least one): sourceName (exact), agentPattern, actionPattern, dataCategoryPattern, resultPattern "
            + "(case-insensitive globs, * and ?), note, reason. 201; 422 listing every broken rule.")
    public Response addRule(RuleDefinition definition) {
        RuleView added = classification.addRule(definition, caller());
        return Response.created(UriBuilder.fromPath("/api/retention/rules/{id}").build(added.id())).entity(added).build();
    }

    @PUT
    @Path("rules/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a classification rule (the whole rule, with a reason)")
    public RuleView changeRule(@PathParam("id") String id, RuleDefinition definition) {
        return classification.changeRule(ResourceIds.parse(id, "classification rule"), definition, caller());
    }

    @DELETE
    @Path("rules/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a classification rule (body {\"reason\":\"...\"}); its events fall to the next rule or the default class")
    public Response removeRule(@PathParam("id") String id, Reasoned body) {
        classification.removeRule(ResourceIds.parse(id, "classification rule"), Reasoned.of(body), caller());
        return Response.noContent().build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
