package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.AccountAdministration;
import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.entity.Account;
import io.trailkeeper.access.entity.AccountChange;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
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

    /** What to change; a field left out stays as it is. */
    public record AccountUpdate(Boolean enabled, List<String> roles) {
    }

    public record PasswordReset(String password) {
    }

    public record ChangeView(AccountChange.Action action, String detail, String changedBy, Instant changedAt) {
        static ChangeView of(AccountChange change) {
            return new ChangeView(change.action(), change.detail(), change.changedBy(), change.changedAt());
        }
    }

    @EJB
    AccountDirectory accounts;

    @EJB
    AccountAdministration administration;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List all accounts")
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account with its roles and a one-time password, which its holder must change at first sign-in")
    public Response create(NewAccount request) {
        if (request == null || request.password() == null) {
            throw new AccountRejected("send username, roles and password");
        }
        Account created = administration.create(request.username(), roles(request.roles()), request.password().toCharArray(), caller());
        return Response.created(UriBuilder.fromPath("/api/accounts/{name}").build(created.username()))
                .entity(AccountView.of(created)).build();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One account")
    public AccountView one(@PathParam("username") String username) {
        return accounts.find(username).map(AccountView::of).orElseThrow(() -> new NotFoundException("no account '" + username + "'"));
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disable or enable an account, or change its roles; takes effect at its next request, tokens included")
    public AccountView update(@PathParam("username") String username, AccountUpdate update) {
        one(username);
        if (update == null || update.enabled() == null && update.roles() == null) {
            throw new AccountRejected("send enabled and/or roles");
        }
        Account changed = null;
        if (update.roles() != null) {
            changed = administration.changeRoles(username, roles(update.roles()), caller());
        }
        if (update.enabled() != null) {
            changed = administration.setEnabled(username, update.enabled(), caller());
        }
        return AccountView.of(changed);
    }

    @POST
    @Path("{username}/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a one-time password that its holder must change at the next sign-in")
    public AccountView resetPassword(@PathParam("username") String username, PasswordReset reset) {
        one(username);
        if (reset == null || reset.password() == null) {
            throw new AccountRejected("send password");
        }
        return AccountView.of(administration.resetPassword(username, reset.password().toCharArray(), caller()));
    }

    @GET
    @Path("{username}/changes")
    @Operation(summary = "Every change administrators made to the account, oldest first, with who and when")
    public List<ChangeView> changes(@PathParam("username") String username) {
        one(username);
        return administration.changes(username).stream().map(ChangeView::of).toList();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
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
