package io.trailkeeper.access.boundary;

import io.trailkeeper.access.control.PasswordHashing;
import io.trailkeeper.access.control.PasswordPolicy;
import io.trailkeeper.access.entity.Account;
import io.trailkeeper.access.entity.AccountChange;
import io.trailkeeper.access.entity.AccountChange.Action;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What administrators do to accounts, each change recorded with who made it and when (SOC 2 CC6.2,
 * CC6.3). An account an administrator creates or whose password they reset must change its password
 * at the next sign-in, so no administrator knows another person's working password and every action
 * is that person's own. At least one enabled administrator always remains.
 */
@Stateless
public class AccountAdministration {

    private static final PasswordHashing HASHING = new PasswordHashing();

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountDirectory accounts;

    /** @param oneTimePassword handed to the person out of band; it works only to choose their own */
    public Account create(String username, Set<Role> roles, char[] oneTimePassword, String by) {
        Account account = accounts.create(username, roles, oneTimePassword, true);
        record(account, Action.CREATED, "roles " + account.roles(), by);
        return account;
    }

    public Account setEnabled(String username, boolean enabled, String by) {
        Account account = existing(username);
        if (account.enabled() == enabled) {
            return account;
        }
        if (!enabled) {
            keepAnAdministrator(account, EnumSet.noneOf(Role.class));
        }
        account.setEnabled(enabled);
        record(account, enabled ? Action.ENABLED : Action.DISABLED, null, by);
        return account;
    }

    public Account changeRoles(String username, Set<Role> roles, String by) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountRejected("an account needs at least one role; disable it to remove all access");
        }
        Account account = existing(username);
        Set<Role> before = account.roles();
        if (before.equals(roles)) {
            return account;
        }
        keepAnAdministrator(account, roles);
        account.changeRoles(roles);
        record(account, Action.ROLES_CHANGED, before + " -> " + account.roles(), by);
        return account;
    }

    public Account resetPassword(String username, char[] oneTimePassword, String by) {
        Account account = existing(username);
        PasswordPolicy.problemWith(oneTimePassword, username).ifPresent(problem -> {
            throw new AccountRejected(problem);
        });
        account.resetPassword(HASHING.hash(oneTimePassword), clock.instant());
        record(account, Action.PASSWORD_RESET, "must be changed at the next sign-in", by);
        return account;
    }

    public List<AccountChange> changes(String username) {
        existing(username);
        return em.createNamedQuery(AccountChange.OF_ACCOUNT, AccountChange.class).setParameter("username", username).getResultList();
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new AccountRejected("no account '" + username + "'"));
    }

    /** Refuses a change that would leave no enabled administrator: nobody could manage accounts then. */
    private void keepAnAdministrator(Account changed, Set<Role> rolesAfter) {
        if (!changed.enabled() || !changed.roles().contains(Role.ADMIN) || rolesAfter.contains(Role.ADMIN)) {
            return;
        }
        long others = em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.enabled = TRUE AND :admin MEMBER OF a.roles"
                        + " AND a.id <> :id", Long.class)
                .setParameter("admin", Role.ADMIN).setParameter("id", changed.id()).getSingleResult();
        if (others == 0) {
            throw new AccountRejected("'" + changed.username() + "' is the last enabled administrator; make another one first");
        }
    }

    private void record(Account account, Action action, String detail, String by) {
        em.persist(new AccountChange(account, action, detail, by, clock.instant()));
    }
}
