package io.trailkeeper.access.entity;

import java.util.Set;

/** Someone whose credentials were just verified: who they are and what they may do. */
public record Caller(String username, Set<Role> roles, boolean mustChangePassword) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
