package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account: who am I, and changing my password. */
@Path("me")
@RequestScoped
@RolesAllowed({Role.ADMIN_NAME, Role.COMPLIANCE_OFFICER_NAME, Role.AUDITOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class MeResource {

    public record Me(String username, List<String> roles) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @EJB
    AccountDirectory accounts;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Who is calling, with which roles")
    public Me me() {
        List<String> roles = Arrays.stream(Role.values()).map(Role::name).filter(security::isUserInRole).toList();
        return new Me(security.getUserPrincipal().getName(), roles);
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's password (required after a one-time password)")
    public void changePassword(PasswordChange change) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw new AccountRejected("send currentPassword and newPassword");
        }
        accounts.changePassword(security.getUserPrincipal().getName(),
                change.currentPassword().toCharArray(), change.newPassword().toCharArray());
    }
}
