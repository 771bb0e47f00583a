package io.trailkeeper.access.entity;

/**
 * The roles of Trailkeeper's users. Auditors only read (SOC 2 CC6.1: least privilege; an external
 * auditor must not be able to change the evidence they assess).
 */
public enum Role {
    /** Runs imports, reads the trail, produces reports. */
    COMPLIANCE_OFFICER,
    /** Reads the trail and reports; changes nothing. */
    AUDITOR,
    /** Manages accounts; may do everything an officer does. */
    ADMIN;

    public static final String COMPLIANCE_OFFICER_NAME = "COMPLIANCE_OFFICER";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String ADMIN_NAME = "ADMIN";

    /**
     * Whether holding this role allows what {@code other} allows: an administrator may do what an
     * officer does, an officer what an auditor does. A token may carry any role its owner's include.
     */
    public boolean includes(Role other) {
        return switch (this) {
            case ADMIN -> true;
            case COMPLIANCE_OFFICER -> other != ADMIN;
            case AUDITOR -> other == AUDITOR;
        };
    }

    /** Whether any of these roles includes {@code other}. */
    public static boolean anyIncludes(java.util.Set<Role> held, Role other) {
        return held.stream().anyMatch(role -> role.includes(other));
    }
}
