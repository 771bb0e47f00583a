package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.entity.Account;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Account administration, for administrators only. */
@Path("accounts")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountsResource {

    public record AccountView(String username, Set<Role> roles, boolean enabled, boolean mustChangePassword, Instant createdAt) {
        static AccountView of(Account account) {
            return new AccountView(account.username(), account.roles(), account.enabled(),
                    account.mustChangePassword(), account.createdAt());
        }
    }

    public record NewAccount(String username, List<String> roles, String password) {
    }

    @EJB
    AccountDirectory accounts;

    @GET
    @Operation(summary = "List all accounts")
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account with a role and an initial password")
    public Response create(NewAccount request) {
        if (request == null || request.password() == null) {
            throw new AccountRejected("send username, roles and password");
        }
        Account created = accounts.create(request.username(), roles(request.roles()), request.password().toCharArray(), false);
        return Response.created(UriBuilder.fromPath("/api/accounts/{name}").build(created.username()))
                .entity(AccountView.of(created)).build();
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new AccountRejected("unknown role '" + name + "'; roles are " + EnumSet.allOf(Role.class));
            }
        }
        return roles;
    }
}
