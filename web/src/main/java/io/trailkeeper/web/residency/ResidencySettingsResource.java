package io.trailkeeper.web.residency;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.residency.boundary.ResidencySettings;
import io.trailkeeper.residency.entity.PolicyDefinition;
import io.trailkeeper.residency.entity.PolicyView;
import io.trailkeeper.residency.entity.RecipientDefinition;
import io.trailkeeper.residency.entity.RecipientView;
import io.trailkeeper.residency.entity.SubjectRuleDefinition;
import io.trailkeeper.residency.entity.SubjectRuleView;
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

/** Residency policies per subject jurisdiction, subject-jurisdiction rules and recipients: officers change, auditors read. */
@Path("residency")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Residency")
public class ResidencySettingsResource {

    private ResidencySettings settings;

    @Context
    SecurityContext security;

    protected ResidencySettingsResource() {
        // for the container's proxy
    }

    @Inject
    public ResidencySettingsResource(ResidencySettings settings) {
        this.settings = settings;
    }

    @GET
    @Path("policies")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Residency policies per subject jurisdiction (EEA, a country, * for the rest): where data may be stored and processed")
    public List<PolicyView> policies() {
        return settings.policies();
    }

    @PUT
    @Path("policies/{jurisdiction}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the policy of a subject jurisdiction (EEA, ISO country or *)",
            description = "name, storageClasses/storageCountries, processingClasses/processingCountries (classes EEA, ADEQUATE, "
                    + "CONDITIONAL, OTHER; ISO 3166-1 countries), reason (required). One version up; 422 listing broken rules.")
    public PolicyView setPolicy(@PathParam("jurisdiction") String jurisdiction, PolicyDefinition definition) {
        return settings.setPolicy(jurisdiction, definition, caller());
    }

    @GET
    @Path("jurisdictions")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Subject-jurisdiction rules in evaluation order: where the subjects of a source or agent live")
    public List<SubjectRuleView> jurisdictions() {
        return settings.subjectRules();
    }

    @POST
    @Path("jurisdictions")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare where a source's or agent's subjects live",
            description = "source and/or agent (exact; agent case-insensitive), jurisdiction (EEA or an ISO country), reason, "
                    + "evaluationOrder (default 100, lowest first). Events no rule covers are subjects of unknown jurisdiction, a finding. 201.")
    public Response addJurisdiction(SubjectRuleDefinition definition) {
        SubjectRuleView rule = settings.addSubjectRule(definition, caller());
        return Response.created(UriBuilder.fromPath("/api/residency/jurisdictions/{id}").build(rule.id())).entity(rule).build();
    }

    @DELETE
    @Path("jurisdictions/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Remove a subject-jurisdiction rule (204)")
    public Response removeJurisdiction(@PathParam("id") String id) {
        settings.removeSubjectRule(ResourceIds.parse(id, "subject rule"));
        return Response.noContent().build();
    }

    @GET
    @Path("recipients")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Models the trail shows (added by checks) with where they process and the recorded transfer mechanism")
    public List<RecipientView> recipients() {
        return settings.recipients();
    }

    @PUT
    @Path("recipients/{model}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record where a model processes and its transfer mechanism",
            description = "provider (catalog id: openai, anthropic, azure-openai, vertex-ai, bedrock, aws, gcp, azure), location "
                    + "(region or endpoint the catalog can place), mechanism (DPF_CERTIFIED, SCCS with mechanismDate, BCRS, "
                    + "ART49_DEROGATION, NONE), mechanismReference. GDPR Art. 45-49.")
    public RecipientView setRecipient(@PathParam("model") String model, RecipientDefinition definition) {
        return settings.setRecipient(model, definition, caller());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
