package io.trailkeeper.web.access;

import java.io.Serializable;
import java.util.Set;

/** Who is signed in to this browser session. Kept in the session, so it must stay small and serializable. */
record SignedInCaller(String username, Set<String> groups, boolean mustChangePassword) implements Serializable {

    static final String SESSION_ATTRIBUTE = SignedInCaller.class.getName();

    SignedInCaller {
        groups = Set.copyOf(groups);
    }

    /** The same person as their account is now. */
    SignedInCaller asNow(Set<String> currentGroups, boolean currentlyMustChangePassword) {
        return new SignedInCaller(username, currentGroups, currentlyMustChangePassword);
    }

    SignedInCaller passwordChanged() {
        return new SignedInCaller(username, groups, false);
    }
}
