package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.ApiTokens;
import io.trailkeeper.access.entity.ApiToken;
import io.trailkeeper.access.entity.IssuedToken;
import io.trailkeeper.access.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's API tokens: issue one for a machine client (the secret is in this answer only),
 * list them, revoke one. Tokens are issued only to a caller who signed in with a password, so a
 * leaked token cannot mint more; administrators may revoke anyone's.
 */
@Path("tokens")
@RequestScoped
@RolesAllowed({Role.ADMIN_NAME, Role.COMPLIANCE_OFFICER_NAME, Role.AUDITOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class TokensResource {

    /** @param roles the roles the token may use (default: all of the caller's); @param expiresInDays 1 to 365, default 90 */
    public record NewToken(String name, List<String> roles, Integer expiresInDays) {
    }

    public record TokenView(UUID id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt, Instant revokedAt,
                            String revokedBy) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.name(), token.roles(), token.createdAt(), token.expiresAt(), token.revokedAt(),
                    token.revokedBy());
        }
    }

    /** The one answer that holds the token: the client keeps it, Trailkeeper keeps only its hash. */
    public record IssuedView(UUID id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt, String token) {
        static IssuedView of(IssuedToken issued) {
            return new IssuedView(issued.id(), issued.name(), issued.roles(), issued.createdAt(), issued.expiresAt(), issued.secret());
        }
    }

    @EJB
    ApiTokens tokens;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API token for the caller's roles or fewer; the answer is the only time the token is shown")
    public Response issue(NewToken asked) {
        if (TrailkeeperAuthentication.byToken(request)) {
            throw new ForbiddenException("an API token cannot issue tokens; sign in with your password");
        }
        NewToken token = asked == null ? new NewToken(null, null, null) : asked;
        IssuedToken issued = tokens.issue(caller(), token.name(), AccountsResource.roles(token.roles()), token.expiresInDays());
        return Response.created(UriBuilder.fromPath("/api/tokens/{id}").build(issued.id()))
                .header("Cache-Control", "no-store").entity(IssuedView.of(issued)).build();
    }

    @GET
    @Operation(summary = "The caller's tokens, newest first (never their secrets)")
    public List<TokenView> mine() {
        return tokens.of(caller()).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token at once (one's own; administrators: anyone's)")
    public Response revoke(@PathParam("id") String id) {
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no token " + id);
        }
        if (!tokens.revoke(tokenId, caller(), security.isUserInRole(Role.ADMIN_NAME))) {
            throw new NotFoundException("no token " + id + " of yours");
        }
        return Response.noContent().build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
