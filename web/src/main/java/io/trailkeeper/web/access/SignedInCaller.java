package io.trailkeeper.web.access;

import java.io.Serializable;
import java.util.Set;

/** Who is signed in to this browser session. Kept in the session, so it must stay small and serializable. */
record SignedInCaller(String username, Set<String> groups, boolean mustChangePassword) implements Serializable {

    static final String SESSION_ATTRIBUTE = SignedInCaller.class.getName();

    SignedInCaller {
        groups = Set.copyOf(groups);
    }

    SignedInCaller passwordChanged() {
        return new SignedInCaller(username, groups, false);
    }
}
