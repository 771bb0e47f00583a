package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.PolicyPreset;
import java.util.List;
import java.util.Optional;

/**
 * The policies an officer picks from, after the practice this product follows for AI-agent logs. Each
 * is a starting point under storage limitation (GDPR Art. 5(1)(e)); floors of the frameworks switched
 * on still apply to it.
 */
public final class RetentionPresets {

    /** "At least one year": 366 days, so a year holding a 29 February is covered too. */
    public static final int ONE_YEAR_AT_LEAST = 366;

    private static final List<PolicyPreset> ALL = List.of(
            preset("CONVERSATION_LOG_90D", "CONVERSATION_LOG", 90, "conversation logs 90 days"),
            preset("TOOL_CALL_LOG_90D", "TOOL_CALL_LOG", 90, "tool-call logs 90 days"),
            preset("SECURITY_AUDIT_LOG_1Y", "SECURITY_AUDIT_LOG", ONE_YEAR_AT_LEAST, "security/audit logs at least 1 year"),
            preset("AUTHENTICATION_EVENT_90D", "AUTHENTICATION_EVENT", 90, "authentication events 90 days"),
            preset("AUTHORIZATION_EVENT_90D", "AUTHORIZATION_EVENT", 90, "authorization events 90 days"),
            preset("DATA_ACCESS_EVENT_30D", "DATA_ACCESS_EVENT", 30, "data-access events 30 days"),
            preset("ERROR_LOG_7D", "ERROR_LOG", 7, "error logs 7 days"));

    private RetentionPresets() {
    }

    public static List<PolicyPreset> all() {
        return ALL;
    }

    public static Optional<PolicyPreset> named(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static PolicyPreset preset(String code, String recordClass, int days, String basis) {
        return new PolicyPreset(code, recordClass, days, ExpiryAction.DELETE_EVENT, basis, null, true);
    }
}
