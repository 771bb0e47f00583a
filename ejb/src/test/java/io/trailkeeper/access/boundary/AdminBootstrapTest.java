package io.trailkeeper.access.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.access.control.PasswordPolicy;
import io.trailkeeper.access.entity.Account;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first administrator of a fresh installation: created only when no administrator exists, with
 * the configured password, or else with a one-time password printed once to the console that must
 * be changed at first sign-in. Never a default password.
 */
class AdminBootstrapTest {

    private static final Pattern PRINTED = Pattern.compile(
            "TRAILKEEPER FIRST START: administrator '([^']+)' one-time password: (\\S+) \\(you must change it at first sign-in\\)");

    private final Accounts accounts = new Accounts();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void withoutAConfiguredPasswordTheAdministratorGetsAOneTimePasswordPrintedOnceThatMustBeChanged() {
        bootstrap("admin", Optional.empty()).ensureAdministrator();

        assertEquals(1, accounts.created.size(), "one administrator");
        Created admin = accounts.created.get(0);
        assertEquals("admin", admin.username);
        assertEquals(Set.of(Role.ADMIN), admin.roles);
        assertTrue(admin.mustChangePassword, "the one-time password must be changed at first sign-in");
        Matcher printed = PRINTED.matcher(printed());
        assertTrue(printed.find(), "printed: " + printed());
        assertEquals("admin", printed.group(1));
        assertArrayEquals(admin.password, printed.group(2).toCharArray(), "the printed password is the account's");
        assertEquals(Optional.empty(), PasswordPolicy.problemWith(admin.password, "admin"), "it satisfies the password policy");
        assertFalse(printed.find(), "printed once");
    }

    @Test
    void aBlankConfiguredPasswordCountsAsNone() {
        bootstrap("admin", Optional.of("   ")).ensureAdministrator();

        assertTrue(accounts.created.get(0).mustChangePassword);
        assertTrue(PRINTED.matcher(printed()).find(), printed());
    }

    @Test
    void eachFreshInstallationGetsItsOwnOneTimePassword() {
        bootstrap("admin", Optional.empty()).ensureAdministrator();
        Accounts other = new Accounts();
        AdminBootstrap second = bootstrap("admin", Optional.empty());
        second.accounts = other;
        second.ensureAdministrator();

        assertFalse(new String(accounts.created.get(0).password).equals(new String(other.created.get(0).password)),
                "not a default password");
    }

    @Test
    void theConfiguredUserNameIsTheAdministratorsAndNamedInThePrintedLine() {
        bootstrap("root-keeper", Optional.empty()).ensureAdministrator();

        assertEquals("root-keeper", accounts.created.get(0).username);
        Matcher printed = PRINTED.matcher(printed());
        assertTrue(printed.find());
        assertEquals("root-keeper", printed.group(1));
    }

    @Test
    void withAConfiguredPasswordTheAdministratorHasItNeedsNoChangeAndNothingIsPrinted() {
        bootstrap("admin", Optional.of("configured-Passw0rd-2026")).ensureAdministrator();

        Created admin = accounts.created.get(0);
        assertArrayEquals("configured-Passw0rd-2026".toCharArray(), admin.password);
        assertFalse(admin.mustChangePassword);
        assertEquals("", printed(), "no password goes to the console");
    }

    @Test
    void anUnacceptableConfiguredPasswordStopsTheStartWithoutCreatingAnAccountOrPrintingIt() {
        accounts.rejected = "a password has at least 12 characters";

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> bootstrap("admin", Optional.of("short")).ensureAdministrator());

        assertEquals("trailkeeper.admin.password is not acceptable: a password has at least 12 characters", refused.getMessage());
        assertTrue(accounts.created.isEmpty());
        assertEquals("", printed());
    }

    @Test
    void whenAnAdministratorExistsNothingIsCreatedOrPrinted() {
        accounts.administratorExists = true;

        bootstrap("admin", Optional.empty()).ensureAdministrator();
        bootstrap("admin", Optional.of("configured-Passw0rd-2026")).ensureAdministrator();

        assertTrue(accounts.created.isEmpty(), "an existing administrator's password is never replaced");
        assertEquals("", printed());
    }

    private AdminBootstrap bootstrap(String username, Optional<String> configured) {
        AdminBootstrap bootstrap = new AdminBootstrap();
        bootstrap.accounts = accounts;
        bootstrap.username = username;
        bootstrap.configuredPassword = configured;
        bootstrap.console = new PrintStream(console, true, StandardCharsets.UTF_8);
        return bootstrap;
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private record Created(String username, Set<Role> roles, char[] password, boolean mustChangePassword) {
    }

    /** The account directory as far as the bootstrap uses it: whether an administrator exists, and creating one. */
    private static final class Accounts extends AccountDirectory {
        final List<Created> created = new ArrayList<>();
        boolean administratorExists;
        String rejected;

        @Override
        public boolean anyWithRole(Role role) {
            return role == Role.ADMIN && (administratorExists || created.stream().anyMatch(c -> c.roles.contains(Role.ADMIN)));
        }

        @Override
        public Account create(String username, Set<Role> roles, char[] password, boolean mustChangePassword) {
            if (rejected != null) {
                throw new AccountRejected(rejected);
            }
            created.add(new Created(username, Set.copyOf(roles), password.clone(), mustChangePassword));
            return null;
        }
    }
}
