package io.trailkeeper.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A framework an officer switches on (HIPAA, SOC 2); while on, it raises the floor of the classes it
 * covers. SOC 2 keeps its audit period and margin here.
 */
@Entity
@Table(name = "legal_framework")
public class LegalFramework {

    public static final String HIPAA = "HIPAA";
    public static final String SOC2 = "SOC2";

    @Id
    @Column(length = 20)
    private String code;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "audit_period_days")
    private Integer auditPeriodDays;

    @Column(name = "margin_days")
    private Integer marginDays;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    protected LegalFramework() {
        // for JPA
    }

    public void apply(FrameworkSetting setting, Instant at, String by) {
        this.enabled = setting.enabled();
        this.auditPeriodDays = setting.auditPeriodDays();
        this.marginDays = setting.marginDays();
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public FrameworkSetting setting() {
        return new FrameworkSetting(code, enabled, auditPeriodDays, marginDays, updatedAt, updatedBy);
    }
}
