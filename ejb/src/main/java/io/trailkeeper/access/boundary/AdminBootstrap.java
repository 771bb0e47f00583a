package io.trailkeeper.access.boundary;

import io.trailkeeper.access.control.PasswordPolicy;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation can be administered without ever shipping a default password.
 * When no administrator exists, it creates one: with the password from configuration
 * ({@code trailkeeper.admin.password}, e.g. a Payara password alias), or with a one-time password
 * printed once to the server console that must be changed at first sign-in.
 */
@Singleton
@Startup
// After the keys: a start that is refused for want of them (PostgreSQL) must not create an administrator or
// print a one-time password first.
@DependsOn({"SchemaMigration", "KeyCustody", "CheckpointKeys"})
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @EJB
    AccountDirectory accounts;

    @Inject
    @ConfigProperty(name = "trailkeeper.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "trailkeeper.admin.password")
    Optional<String> configuredPassword;

    /** Where the one-time password is printed: the server's console, which Payara writes to its log. */
    PrintStream console = System.out;

    @PostConstruct
    void ensureAdministrator() {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
            try {
                accounts.create(username, EnumSet.of(Role.ADMIN), configuredPassword.get().toCharArray(), false);
            } catch (AccountRejected e) {
                // Refuse to start rather than run without a usable administrator.
                throw new IllegalStateException("trailkeeper.admin.password is not acceptable: " + e.getMessage(), e);
            }
            LOG.info(() -> "Created administrator '" + username + "' with the password from trailkeeper.admin.password");
            return;
        }
        char[] oneTime = PasswordPolicy.oneTimePassword();
        while (PasswordPolicy.problemWith(oneTime, username).isPresent()) {
            oneTime = PasswordPolicy.oneTimePassword(); // e.g. it happened to contain a short user name
        }
        accounts.create(username, EnumSet.of(Role.ADMIN), oneTime, true);
        // The one deliberate exception to "no credentials in logs": the issue asks for a one-time
        // password printed at first start. It is useless after the first sign-in, which forces a change.
        console.println("TRAILKEEPER FIRST START: administrator '" + username
                + "' one-time password: " + new String(oneTime) + " (you must change it at first sign-in)");
    }
}
