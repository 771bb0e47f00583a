package io.trailkeeper.web.retention;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.retention.boundary.RetentionPolicies;
import io.trailkeeper.retention.entity.ChangeView;
import io.trailkeeper.retention.entity.FrameworkChange;
import io.trailkeeper.retention.entity.FrameworkSetting;
import io.trailkeeper.retention.entity.PolicyConflict;
import io.trailkeeper.retention.entity.PolicyDefinition;
import io.trailkeeper.retention.entity.PolicyPreset;
import io.trailkeeper.retention.entity.PolicyView;
import io.trailkeeper.retention.entity.RetentionChange;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retention policies, their presets and conflicts, the frameworks whose floors bind them, and the record of changes. */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class RetentionPoliciesResource {

    private static final String POLICY = "retention policy";
    private static final int MAX_CHANGES = 500;

    private RetentionPolicies policies;

    @Context
    SecurityContext security;

    protected RetentionPoliciesResource() {
        // for the container's proxy
    }

    @Inject
    public RetentionPoliciesResource(RetentionPolicies policies) {
        this.policies = policies;
    }

    @GET
    @Path("policies")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Active retention policies (all=true: retired ones too), each with the legal floor that binds its "
            + "class, its effective period and the policies that win over it where they overlap")
    public List<PolicyView> list(@QueryParam("all") @DefaultValue("false") boolean all) {
        return policies.list(all);
    }

    @POST
    @Path("policies")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a retention policy", description = "Either preset (see /api/retention/policies/presets; its "
            + "fields may be overridden) or recordClass and periodDays (1..36525); expiryAction DELETE_EVENT (default) or "
            + "KEEP_METADATA_DESTROY_CONTENT; optional sources (names) and agents (ids) narrow it; reason. 201; 422 listing "
            + "broken rules, or naming the legal floor (rule and citation) a period undercuts.")
    public Response add(PolicyDefinition definition) {
        PolicyView added = policies.add(definition, caller());
        return Response.created(UriBuilder.fromPath("/api/retention/policies/{id}").build(added.id())).entity(added).build();
    }

    @GET
    @Path("policies/presets")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Presets to pick from, each with the floor of its class now and whether it meets it")
    public List<PolicyPreset> presets() {
        return policies.presets();
    }

    @GET
    @Path("policies/conflicts")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Active policies that overlap, each pair with the policy that wins and by which rule")
    public List<PolicyConflict> conflicts() {
        return policies.conflicts();
    }

    @GET
    @Path("policies/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One retention policy")
    public PolicyView policy(@PathParam("id") String id) {
        return policies.find(ResourceIds.parse(id, POLICY));
    }

    @PUT
    @Path("policies/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a retention policy: the same fields as when adding, and a reason (required); a new version")
    public PolicyView change(@PathParam("id") String id, PolicyDefinition definition) {
        return policies.change(ResourceIds.parse(id, POLICY), definition, caller());
    }

    @DELETE
    @Path("policies/{id}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retire a retention policy (body {\"reason\":\"...\"}); it stays listed with all=true")
    public PolicyView retire(@PathParam("id") String id, Reasoned body) {
        return policies.retire(ResourceIds.parse(id, POLICY), Reasoned.of(body), caller());
    }

    @GET
    @Path("policies/{id}/changes")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Every version of a policy: who, when, old -> new, why; newest first")
    public List<ChangeView> policyChanges(@PathParam("id") String id) {
        return policies.changes(RetentionChange.Kind.POLICY, ResourceIds.parse(id, POLICY).toString(), MAX_CHANGES);
    }

    @GET
    @Path("changes")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Every change to retention (kind=RECORD_CLASS, RULE, POLICY, FRAMEWORK or HOLD narrows it), newest first")
    public List<ChangeView> changes(@QueryParam("kind") String kind) {
        RetentionChange.Kind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = RetentionChange.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'kind' must be one of RECORD_CLASS, RULE, POLICY, FRAMEWORK, HOLD");
            }
        }
        return policies.changes(k, null, MAX_CHANGES);
    }

    @GET
    @Path("frameworks")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Legal frameworks (HIPAA, SOC2) and whether each is switched on")
    public List<FrameworkSetting> frameworks() {
        return policies.frameworks();
    }

    @PUT
    @Path("frameworks/{code}")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch a framework on or off", description = "enabled; for SOC2 also auditPeriodDays and marginDays "
            + "(floor = their sum); reason (required). Existing policies under a new floor are not changed: the floor holds "
            + "their events back, as the dry run shows.")
    public FrameworkSetting changeFramework(@PathParam("code") String code, FrameworkChange change) {
        return policies.changeFramework(code, change, caller());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
