package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.FrameworkSetting;
import io.trailkeeper.retention.entity.LegalFloor;
import io.trailkeeper.retention.entity.LegalFramework;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The floors that the frameworks switched on raise for a record class. Pure. */
public final class LegalFloors {

    /**
     * HIPAA: documentation of the security rule's policies and actions (audit records among them) is
     * kept 6 years from its creation (45 CFR 164.316(b)(2)(i)). Counted as 6 x 365 days plus the two
     * 29 Februaries six years can hold, so a floor in days never falls short of six calendar years.
     */
    public static final int HIPAA_DAYS = 6 * 365 + 2;
    public static final String HIPAA_RULE = "HIPAA documentation retention";
    public static final String HIPAA_CITATION = "45 CFR 164.316(b)(2)(i)";

    /**
     * SOC 2 Type 2: the service auditor tests controls over the whole examination period, so the
     * evidence of a period must outlive it by the time the examination takes (AICPA, SOC 2 Reporting on
     * an Examination of Controls at a Service Organization, examination period; TSC 2017 CC4.1).
     */
    public static final String SOC2_RULE = "SOC 2 evidence (audit period + margin)";
    public static final String SOC2_CITATION = "AICPA SOC 2 Type 2 examination period, TSC 2017 CC4.1";
    public static final int SOC2_DEFAULT_AUDIT_PERIOD_DAYS = 365;
    public static final int SOC2_DEFAULT_MARGIN_DAYS = 90;

    private LegalFloors() {
    }

    /** Every floor that binds a class with these flags under the frameworks given (those switched off count for nothing). */
    public static List<LegalFloor> of(boolean hipaaDocumentation, boolean soc2Evidence, Collection<FrameworkSetting> frameworks) {
        List<LegalFloor> floors = new ArrayList<>();
        for (FrameworkSetting framework : frameworks) {
            if (!framework.enabled()) {
                continue;
            }
            if (LegalFramework.HIPAA.equals(framework.code()) && hipaaDocumentation) {
                floors.add(new LegalFloor(LegalFramework.HIPAA, HIPAA_RULE, HIPAA_CITATION, HIPAA_DAYS));
            }
            if (LegalFramework.SOC2.equals(framework.code()) && soc2Evidence) {
                int period = framework.auditPeriodDays() == null ? SOC2_DEFAULT_AUDIT_PERIOD_DAYS : framework.auditPeriodDays();
                int margin = framework.marginDays() == null ? SOC2_DEFAULT_MARGIN_DAYS : framework.marginDays();
                floors.add(new LegalFloor(LegalFramework.SOC2, SOC2_RULE + " " + period + " + " + margin + " days",
                        SOC2_CITATION, period + margin));
            }
        }
        return floors;
    }

    /** The highest floor, the one a policy must meet; on equal days the first listed. */
    public static Optional<LegalFloor> binding(List<LegalFloor> floors) {
        return floors.stream().max(Comparator.comparingInt(LegalFloor::days)
                .thenComparing(f -> -floors.indexOf(f)));
    }

    /** The floor a period undercuts, if it does: the refusing rule to name. */
    public static Optional<LegalFloor> undercut(int periodDays, List<LegalFloor> floors) {
        return binding(floors).filter(f -> periodDays < f.days());
    }
}
