package io.trailkeeper.access.entity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A token just issued: the only moment its secret exists outside the client that receives it. */
public record IssuedToken(UUID id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt, String secret) {

    public IssuedToken {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "IssuedToken[" + id + ", " + name + "]"; // never the secret
    }
}
