package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.entity.Caller;
import io.trailkeeper.access.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks user name and password against Trailkeeper's accounts; groups are the account's role names. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** A group that only marks the caller; the authentication mechanism removes it again. */
    static final String PASSWORD_CHANGE_REQUIRED = "trailkeeper:password-change-required";

    @EJB
    AccountDirectory accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.verify(login.getCaller(), login.getPassword().getValue())
                .map(AccountIdentityStore::toResult)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult toResult(Caller caller) {
        Set<String> groups = caller.roles().stream().map(Role::name).collect(Collectors.toCollection(HashSet::new));
        if (caller.mustChangePassword()) {
            groups.add(PASSWORD_CHANGE_REQUIRED);
        }
        return new CredentialValidationResult(caller.username(), groups);
    }
}
