package io.trailkeeper.web.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api}. Its OpenAPI document is served by Payara at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Trailkeeper API", version = "0.1",
                description = "Compliance evidence for AI-agent deployments: audit trail import, search and reports. "
                        + "Errors are application/problem+json (RFC 9457). After too many failed sign-ins a user name "
                        + "or client address is refused with 429 and Retry-After (seconds), even with the right password."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class TrailkeeperApi extends Application {
}
