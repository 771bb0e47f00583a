package io.trailkeeper.web.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on resource methods (or their class) before the method runs:
 * no caller gives 401, a caller without the role 403, both as problem+json. Resources without the
 * annotation are refused outright, so a forgotten annotation fails closed.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        context.register(new Filter(allowed == null ? new String[0] : allowed.value()));
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Filter implements ContainerRequestFilter {
        private final String[] roles;

        Filter(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "sign in with HTTP Basic credentials").toResponse());
                return;
            }
            if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                        "this operation needs one of the roles " + String.join(", ", roles)).toResponse());
            }
        }
    }
}
