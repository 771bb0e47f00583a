package io.trailkeeper.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to an account and who made it (SOC 2 CC6.2: access is granted and changed on
 * authorisation; CC6.3: removed in time). Never updated or deleted.
 */
@Entity
@Table(name = "account_change")
@NamedQuery(name = AccountChange.OF_ACCOUNT,
        query = "SELECT c FROM AccountChange c WHERE c.account.username = :username ORDER BY c.changedAt, c.id")
public class AccountChange {

    public static final String OF_ACCOUNT = "AccountChange.ofAccount";

    /** What was done to the account. */
    public enum Action { CREATED, ENABLED, DISABLED, ROLES_CHANGED, PASSWORD_RESET }

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private Action action;

    @Column(length = 500, updatable = false)
    private String detail;

    @Column(name = "changed_by", nullable = false, length = 64, updatable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected AccountChange() {
        // for JPA
    }

    public AccountChange(Account account, Action action, String detail, String changedBy, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.account = Objects.requireNonNull(account, "account");
        this.action = Objects.requireNonNull(action, "action");
        this.detail = detail;
        this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
    }

    public Action action() { return action; }
    public String detail() { return detail; }
    public String changedBy() { return changedBy; }
    public Instant changedAt() { return changedAt; }
}
