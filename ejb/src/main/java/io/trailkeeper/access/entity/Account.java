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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person who signs in to Trailkeeper. Only the password's PBKDF2 hash is stored. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.WITH_ROLE, query = "SELECT a FROM Account a WHERE :role MEMBER OF a.roles")
public class Account {

    public static final String BY_USERNAME = "Account.byUsername";
    public static final String WITH_ROLE = "Account.withRole";

    @Id
    private UUID id;

    @Column(nullable = false, length = 64, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 40, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Account() {
        // for JPA
    }

    public Account(String username, String passwordHash, Set<Role> roles, boolean mustChangePassword, Instant now) {
        this.id = UUID.randomUUID();
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = true;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.mustChangePassword = false;
        this.passwordChangedAt = now;
    }

    /** A password an administrator set: only its holder knows a password they chose, so it must be changed at once. */
    public void resetPassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.mustChangePassword = true;
        this.passwordChangedAt = now;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void changeRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public boolean mustChangePassword() { return mustChangePassword; }
    public Instant createdAt() { return createdAt; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public Set<Role> roles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
}
