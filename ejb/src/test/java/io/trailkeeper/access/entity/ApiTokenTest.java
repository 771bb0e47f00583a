package io.trailkeeper.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static Account owner(Set<Role> roles) {
        return new Account("ci-pipeline-owner", "hash", roles, false, NOW);
    }

    @Test
    void aTokenIsUsableUntilItExpiresOrIsRevoked() {
        ApiToken token = new ApiToken(owner(EnumSet.of(Role.COMPLIANCE_OFFICER)), "ci", "h", EnumSet.of(Role.COMPLIANCE_OFFICER),
                NOW, NOW.plus(Duration.ofDays(90)));
        assertTrue(token.usableAt(NOW));
        assertTrue(token.usableAt(NOW.plus(Duration.ofDays(90)).minusMillis(1)));
        assertFalse(token.usableAt(NOW.plus(Duration.ofDays(90))), "expired at its expiry");

        token.revoke("alice", NOW.plusSeconds(60));
        assertFalse(token.usableAt(NOW.plusSeconds(61)));
        token.revoke("bob", NOW.plusSeconds(120));
        assertEquals("alice", token.revokedBy(), "the first revocation is the one recorded");
    }

    @Test
    void aTokenNeverGrantsMoreThanItsOwnerHoldsNow() {
        Account owner = owner(EnumSet.of(Role.ADMIN, Role.AUDITOR));
        ApiToken token = new ApiToken(owner, "siem", "h", EnumSet.of(Role.ADMIN, Role.AUDITOR), NOW, NOW.plusSeconds(3600));
        assertEquals(EnumSet.of(Role.ADMIN, Role.AUDITOR), token.effectiveRoles());

        ApiToken narrower = new ApiToken(owner(EnumSet.of(Role.AUDITOR)), "siem", "h", EnumSet.of(Role.ADMIN, Role.AUDITOR), NOW,
                NOW.plusSeconds(3600));
        assertEquals(EnumSet.of(Role.AUDITOR), narrower.effectiveRoles(), "a role the owner lost is gone from the token too");

        ApiToken readOnly = new ApiToken(owner(EnumSet.of(Role.ADMIN)), "siem", "h", EnumSet.of(Role.AUDITOR), NOW, NOW.plusSeconds(60));
        assertEquals(EnumSet.of(Role.AUDITOR), readOnly.effectiveRoles(), "an administrator may issue a read-only token");
    }

    @Test
    void rolesIncludeTheNarrowerOnes() {
        assertTrue(Role.ADMIN.includes(Role.COMPLIANCE_OFFICER) && Role.ADMIN.includes(Role.AUDITOR));
        assertTrue(Role.COMPLIANCE_OFFICER.includes(Role.AUDITOR));
        assertFalse(Role.COMPLIANCE_OFFICER.includes(Role.ADMIN));
        assertFalse(Role.AUDITOR.includes(Role.COMPLIANCE_OFFICER));
    }
}
