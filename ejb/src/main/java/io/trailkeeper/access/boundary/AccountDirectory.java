package io.trailkeeper.access.boundary;

import io.trailkeeper.access.control.PasswordHashing;
import io.trailkeeper.access.control.PasswordPolicy;
import io.trailkeeper.access.entity.Account;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Caller;
import io.trailkeeper.access.entity.CurrentPasswordRejected;
import io.trailkeeper.access.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The accounts of Trailkeeper's users: verifying credentials, creating accounts, changing passwords. */
@Stateless
public class AccountDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final PasswordHashing HASHING = new PasswordHashing();

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<Caller> verify(String username, char[] password) {
        Optional<Account> account = find(username);
        if (account.isEmpty() || !account.get().enabled()) {
            HASHING.burn(password);
            return Optional.empty();
        }
        Account found = account.get();
        if (!HASHING.matches(password, found.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new Caller(found.username(), found.roles(), found.mustChangePassword()));
    }

    public Account create(String username, Set<Role> roles, char[] password, boolean mustChangePassword) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountRejected("a user name has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (roles == null || roles.isEmpty()) {
            throw new AccountRejected("an account needs at least one role");
        }
        PasswordPolicy.problemWith(password, username).ifPresent(problem -> {
            throw new AccountRejected(problem);
        });
        if (find(username).isPresent()) {
            throw new AccountRejected("the user name '" + username + "' is taken");
        }
        Account account = new Account(username, HASHING.hash(password), roles, mustChangePassword, clock.instant());
        em.persist(account);
        return account;
    }

    public void changePassword(String username, char[] current, char[] next) {
        Account account = find(username).orElseThrow(() -> new AccountRejected("no such account"));
        if (!HASHING.matches(current, account.passwordHash())) {
            throw new CurrentPasswordRejected();
        }
        PasswordPolicy.problemWith(next, username).ifPresent(problem -> {
            throw new AccountRejected(problem);
        });
        if (HASHING.matches(next, account.passwordHash())) {
            throw new AccountRejected("the new password must differ from the current one");
        }
        account.changePassword(HASHING.hash(next), clock.instant());
    }

    /**
     * Who a signed-in session belongs to, as the account is now: empty once it is disabled or gone,
     * with its current roles, so an administrator's change takes effect at the session's next request.
     */
    public Optional<Caller> current(String username) {
        return find(username).filter(Account::enabled)
                .map(account -> new Caller(account.username(), account.roles(), account.mustChangePassword()));
    }

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    public List<Account> list() {
        return em.createQuery("SELECT a FROM Account a ORDER BY a.username", Account.class).getResultList();
    }

    public boolean anyWithRole(Role role) {
        return !em.createNamedQuery(Account.WITH_ROLE, Account.class)
                .setParameter("role", role)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
