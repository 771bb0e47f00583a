package io.trailkeeper.access.boundary;

import io.trailkeeper.access.control.TokenSecret;
import io.trailkeeper.access.entity.Account;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.ApiToken;
import io.trailkeeper.access.entity.Caller;
import io.trailkeeper.access.entity.IssuedToken;
import io.trailkeeper.access.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens for machine clients: issued by a signed-in person for their own roles or fewer, shown
 * once, kept as a hash, valid until they expire or are revoked. Access ends with the owner's: a
 * token of a disabled account, or for a role its owner lost, grants nothing (SOC 2 CC6.2, CC6.3).
 */
@Stateless
public class ApiTokens {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountDirectory accounts;

    /**
     * @param roles the roles the token may use; null or empty for all of the owner's
     * @param days  how long it is valid, 1 to {@value #MAX_DAYS}; null for {@value #DEFAULT_DAYS}
     */
    public IssuedToken issue(String owner, String name, Set<Role> roles, Integer days) {
        Account account = accounts.find(owner).filter(Account::enabled)
                .orElseThrow(() -> new AccountRejected("no enabled account '" + owner + "'"));
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > ApiToken.MAX_NAME_LENGTH) {
            throw new AccountRejected("name: 1 to " + ApiToken.MAX_NAME_LENGTH + " characters that say which client uses the token");
        }
        Set<Role> granted = roles == null || roles.isEmpty() ? account.roles() : EnumSet.copyOf(roles);
        if (!granted.stream().allMatch(role -> Role.anyIncludes(account.roles(), role))) {
            throw new AccountRejected("roles: a token may carry only its owner's roles or narrower ones; yours are " + account.roles());
        }
        int validDays = days == null ? DEFAULT_DAYS : days;
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new AccountRejected("expiresInDays: 1 to " + MAX_DAYS);
        }
        String secret = TokenSecret.generate();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(account, label, TokenSecret.sha256(secret), granted, now, now.plus(Duration.ofDays(validDays)));
        em.persist(token);
        return new IssuedToken(token.id(), label, granted, token.createdAt(), token.expiresAt(), secret);
    }

    public List<ApiToken> of(String owner) {
        return em.createNamedQuery(ApiToken.OF_ACCOUNT, ApiToken.class).setParameter("username", owner).getResultList();
    }

    /**
     * @param anyOwner whether the caller may revoke other people's tokens (administrators)
     * @return false when there is no such token the caller may revoke
     */
    public boolean revoke(UUID id, String by, boolean anyOwner) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !anyOwner && !token.account().username().equals(by)) {
            return false;
        }
        token.revoke(by, clock.instant());
        return true;
    }

    /** Who presents this token and what they may do now; empty for anything but a usable token. */
    public Optional<Caller> authenticate(String presented) {
        if (!TokenSecret.looksLikeOne(presented)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class).setParameter("hash", TokenSecret.sha256(presented))
                .getResultStream().findFirst()
                .filter(token -> token.usableAt(now) && !token.account().mustChangePassword())
                .map(token -> new Caller(token.account().username(), token.effectiveRoles(), false));
    }
}
