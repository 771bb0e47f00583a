package io.trailkeeper.web.residency;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.residency.boundary.ResidencyCatalogs;
import io.trailkeeper.residency.entity.RegionLookup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The shipped residency catalogs, read-only: regions, model endpoints, transfer status, and one lookup. */
@Path("residency/regions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Residency")
public class ResidencyCatalogResource {

    private ResidencyCatalogs catalogs;

    protected ResidencyCatalogResource() {
        // for the container's proxy
    }

    @Inject
    public ResidencyCatalogResource(ResidencyCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    @GET
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The residency catalogs with their version, or where one code lies",
            description = "Without code: catalogVersion, regions (provider, code, display name, country, source, checked), model "
                    + "endpoints and transfer status per country (EEA, ADEQUATE with decision and expiry, CONDITIONAL, OTHER). With "
                    + "code (and optionally provider, e.g. aws, azure, openai): located with country and class, or unknown with why.")
    public Map<String, Object> regions(@QueryParam("code") String code, @QueryParam("provider") String provider) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("catalogVersion", catalogs.version().id());
        answer.put("catalogDate", catalogs.version().date().toString());
        if (code == null) {
            answer.put("regions", catalogs.regions());
            answer.put("endpoints", catalogs.endpoints());
            answer.put("transferStatuses", catalogs.transferStatuses());
            return answer;
        }
        RegionLookup lookup = catalogs.locate(provider, code);
        answer.put("code", code);
        if (lookup instanceof RegionLookup.Located located) {
            answer.put("known", true);
            answer.put("location", located.location());
        } else {
            answer.put("known", false);
            answer.put("reason", ((RegionLookup.Unknown) lookup).reason());
        }
        return answer;
    }
}
