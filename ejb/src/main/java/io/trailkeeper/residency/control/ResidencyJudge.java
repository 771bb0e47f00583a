package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.AllowedLocations;
import io.trailkeeper.residency.entity.DataPlacement;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.RegionLocation;
import io.trailkeeper.residency.entity.RegionLookup;
import io.trailkeeper.residency.entity.ResidencyJudgement;
import io.trailkeeper.residency.entity.ResidencyPolicy;
import io.trailkeeper.residency.entity.ResidencyRule;
import io.trailkeeper.residency.entity.ResidencyVerdict;
import io.trailkeeper.residency.entity.ResidencyVerdict.Aspect;
import io.trailkeeper.residency.entity.SubjectJurisdiction;
import io.trailkeeper.residency.entity.TransferMechanism;
import io.trailkeeper.residency.entity.TransferStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether one event's data stayed where its subject's data may go. Pure logic over one catalog
 * version: no database, no clock (the event's day is passed in, since adequacy decisions start and end).
 *
 * <p>Rules, in order, for the storage region and the processing location each:
 * <ol>
 * <li>A code the catalog cannot place is a finding (REGION_UNKNOWN): unknown is never a pass.</li>
 * <li>A location the officer's policy does not allow is a finding (OUTSIDE_POLICY).</li>
 * <li>For subjects in the EU/EEA (and subjects of unknown jurisdiction, judged no more leniently), GDPR
 * Chapter V: EEA passes (no transfer, Art. 44); a country with an adequacy decision in force on that day
 * passes (Art. 45); the US is conditional-ok only with the recipient's DPF certification (Decision
 * (EU) 2023/1795); any third country is conditional-ok with SCCs (Art. 46(2)(c)), BCRs (Art. 46(2)(b),
 * 47) or an Art. 49 derogation, and a finding without (NO_TRANSFER_MECHANISM).</li>
 * <li>Subjects of other countries are judged by the policy only (their own law is not modelled here).</li>
 * </ol>
 * A subject of unknown jurisdiction is a finding of its own (SUBJECT_JURISDICTION_UNKNOWN).
 */
public final class ResidencyJudge {

    /** Decision (EU) 2021/914 took effect on 27 June 2021: SCCs concluded before it are the repealed ones. */
    static final LocalDate NEW_SCCS_IN_FORCE = LocalDate.of(2021, 6, 27);
    /** ... and those stopped counting as safeguards after 27 December 2022 (Art. 4(4) of that decision). */
    static final LocalDate OLD_SCCS_LAST_DAY = LocalDate.of(2022, 12, 27);

    private final ResidencyCatalog catalog;

    public ResidencyJudge(ResidencyCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * @param processing where a model provider or tool processed the event's data; null when none did
     * @param day        the day the event happened (UTC)
     */
    public ResidencyJudgement judge(SubjectJurisdiction subject, ResidencyPolicy policy, DataPlacement storage,
                                    DataPlacement processing, LocalDate day) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(day, "day");
        String version = catalog.version().id();
        List<ResidencyVerdict> verdicts = new ArrayList<>();
        boolean knownCountry = subject.scope() != SubjectJurisdiction.Scope.COUNTRY
                || catalog.isKnownCountry(subject.country());
        if (subject.isUnknown() || !knownCountry) {
            verdicts.add(new ResidencyVerdict(Aspect.SUBJECT, ResidencyRule.SUBJECT_JURISDICTION_UNKNOWN,
                    "the subject's jurisdiction is unknown" + (subject.basis() == null ? "" : ": " + subject.basis())
                            + (knownCountry ? "" : " (no ISO 3166-1 country '" + subject.country() + "')"),
                    null, version));
        }
        boolean chapterFive = subject.isUnknown() || !knownCountry
                || subject.scope() == SubjectJurisdiction.Scope.EEA
                || catalog.transferStatus(subject.country()).jurisdictionClass() == JurisdictionClass.EEA;
        verdicts.add(place(Aspect.STORAGE, storage, policy, policy.storage(), chapterFive, day));
        if (processing != null) {
            verdicts.add(place(Aspect.PROCESSING, processing, policy, policy.processing(), chapterFive, day));
        }
        return new ResidencyJudgement(subject, policy.name(), verdicts, version);
    }

    private ResidencyVerdict place(Aspect aspect, DataPlacement placement, ResidencyPolicy policy,
                                   AllowedLocations allowed, boolean chapterFive, LocalDate day) {
        String provider = placement.recipient().provider();
        RegionLookup lookup = provider == null ? catalog.locate(placement.code()) : catalog.locate(provider, placement.code());
        String what = aspect.name().toLowerCase(java.util.Locale.ROOT) + " at '" + placement.code() + "' (" + placement.recipient().name() + ")";
        if (lookup instanceof RegionLookup.Unknown unknown) {
            return verdict(aspect, ResidencyRule.REGION_UNKNOWN, what + ": " + unknown.reason(), lookup);
        }
        RegionLocation location = ((RegionLookup.Located) lookup).location();
        TransferStatus status = catalog.transferStatus(location.country());
        JurisdictionClass onThatDay = status.classOn(day);
        String where = what + " is in " + location.country() + " (" + onThatDay + ")";
        if (!allowed.admits(location.country(), onThatDay)) {
            return verdict(aspect, ResidencyRule.OUTSIDE_POLICY,
                    where + "; policy '" + policy.name() + "' allows " + allowed, lookup);
        }
        if (!chapterFive) {
            return verdict(aspect, ResidencyRule.POLICY_ONLY, where + "; allowed by policy '" + policy.name() + "'", lookup);
        }
        return switch (onThatDay) {
            case EEA -> verdict(aspect, ResidencyRule.WITHIN_EEA, where, lookup);
            case ADEQUATE -> verdict(aspect, ResidencyRule.ADEQUACY_DECISION, where + ": " + status.decision(), lookup);
            case CONDITIONAL, OTHER -> mechanism(aspect, onThatDay, placement.recipient().mechanism(), where, day, lookup);
        };
    }

    /** A third country without (unconditional) adequacy: only the recipient's recorded mechanism can carry it. */
    private ResidencyVerdict mechanism(Aspect aspect, JurisdictionClass country, TransferMechanism mechanism,
                                       String where, LocalDate day, RegionLookup lookup) {
        String recorded = where + "; recorded mechanism " + mechanism.kind()
                + (mechanism.concluded() == null ? "" : " of " + mechanism.concluded())
                + (mechanism.reference() == null ? "" : " (" + mechanism.reference() + ")");
        return switch (mechanism.kind()) {
            case DPF_CERTIFIED -> country == JurisdictionClass.CONDITIONAL
                    ? verdict(aspect, ResidencyRule.DPF_CERTIFIED, recorded, lookup)
                    : verdict(aspect, ResidencyRule.NO_TRANSFER_MECHANISM,
                            recorded + ", but the DPF covers only recipients in the United States", lookup);
            case SCCS -> mechanism.concluded().isBefore(NEW_SCCS_IN_FORCE) && day.isAfter(OLD_SCCS_LAST_DAY)
                    ? verdict(aspect, ResidencyRule.SCCS_SUPERSEDED, recorded, lookup)
                    : verdict(aspect, ResidencyRule.STANDARD_CONTRACTUAL_CLAUSES, recorded, lookup);
            case BCRS -> verdict(aspect, ResidencyRule.BINDING_CORPORATE_RULES, recorded, lookup);
            case ART49_DEROGATION -> verdict(aspect, ResidencyRule.DEROGATION, recorded, lookup);
            case NONE -> verdict(aspect, ResidencyRule.NO_TRANSFER_MECHANISM, recorded, lookup);
        };
    }

    private ResidencyVerdict verdict(Aspect aspect, ResidencyRule rule, String detail, RegionLookup lookup) {
        return new ResidencyVerdict(aspect, rule, detail, lookup, catalog.version().id());
    }
}
