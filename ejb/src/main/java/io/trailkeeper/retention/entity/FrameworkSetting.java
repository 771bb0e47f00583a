package io.trailkeeper.retention.entity;

import java.time.Instant;

/** Whether a framework is switched on, with SOC 2's audit period and margin in days. */
public record FrameworkSetting(String code, boolean enabled, Integer auditPeriodDays, Integer marginDays,
                               Instant updatedAt, String updatedBy) {

    public String described() {
        return code + (enabled ? " on" : " off")
                + (auditPeriodDays == null ? "" : " auditPeriodDays=" + auditPeriodDays)
                + (marginDays == null ? "" : " marginDays=" + marginDays);
    }
}
