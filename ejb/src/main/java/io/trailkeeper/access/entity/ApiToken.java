package io.trailkeeper.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A credential a person issues to a machine client, for their own roles or fewer, with an expiry,
 * revocable at any time. Only the SHA-256 of the token is stored.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t JOIN FETCH t.account WHERE t.tokenSha256 = :hash")
@NamedQuery(name = ApiToken.OF_ACCOUNT, query = "SELECT t FROM ApiToken t WHERE t.account.username = :username ORDER BY t.createdAt DESC")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String OF_ACCOUNT = "ApiToken.ofAccount";
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    private UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(nullable = false, length = MAX_NAME_LENGTH, updatable = false)
    private String name;

    @Column(name = "token_sha256", nullable = false, length = 64, updatable = false)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_role", joinColumns = @JoinColumn(name = "token_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 40, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(Account account, String name, String tokenSha256, Set<Role> roles, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.account = Objects.requireNonNull(account, "account");
        this.name = Objects.requireNonNull(name, "name");
        this.tokenSha256 = Objects.requireNonNull(tokenSha256, "tokenSha256");
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether it may be used now: neither revoked nor expired, and its owner's account enabled. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && account.enabled();
    }

    /** What it may do now: its roles, as far as its owner's roles still include them. */
    public Set<Role> effectiveRoles() {
        Set<Role> effective = roles();
        Set<Role> held = account.roles();
        effective.removeIf(role -> !Role.anyIncludes(held, role));
        return effective;
    }

    public void revoke(String by, Instant at) {
        if (revokedAt == null) {
            this.revokedAt = at;
            this.revokedBy = by;
        }
    }

    public UUID id() { return id; }
    public Account account() { return account; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedBy() { return revokedBy; }
    public Set<Role> roles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
}
