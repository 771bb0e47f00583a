package io.trailkeeper.residency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.residency.entity.AllowedLocations;
import io.trailkeeper.residency.entity.DataPlacement;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.Recipient;
import io.trailkeeper.residency.entity.ResidencyJudgement;
import io.trailkeeper.residency.entity.ResidencyOutcome;
import io.trailkeeper.residency.entity.ResidencyPolicy;
import io.trailkeeper.residency.entity.ResidencyRule;
import io.trailkeeper.residency.entity.ResidencyVerdict;
import io.trailkeeper.residency.entity.ResidencyVerdict.Aspect;
import io.trailkeeper.residency.entity.SubjectJurisdiction;
import io.trailkeeper.residency.entity.TransferMechanism;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The residency judgement on the cases of issue 14's "Done when", and the Chapter V rules around them. */
class ResidencyJudgeTest {

    private static final ResidencyJudge JUDGE = new ResidencyJudge(ResidencyCatalogReader.shipped());
    private static final SubjectJurisdiction EU_SUBJECT = SubjectJurisdiction.eea("source support-prod-eu: EU/EEA residents");
    private static final ResidencyPolicy POLICY = ResidencyPolicy.euSubjects();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final DataPlacement FRANKFURT = DataPlacement.of("aws", "eu-central-1", null);

    @Test
    void anEuSubjectsEventStoredInUsEast1IsAFinding() {
        ResidencyJudgement judgement = judge(EU_SUBJECT, DataPlacement.of("aws", "us-east-1", null), null);
        assertEquals(ResidencyOutcome.FINDING, judgement.outcome());
        ResidencyVerdict storage = judgement.verdictOn(Aspect.STORAGE).orElseThrow();
        assertEquals(ResidencyRule.OUTSIDE_POLICY, storage.rule());
        assertTrue(storage.detail().contains("'us-east-1'") && storage.detail().contains("US"), storage.detail());
        assertTrue(storage.citation().contains("GDPR Art. 44"), storage.citation());
        assertEquals("2026-12-08.1", storage.catalogVersion());
    }

    @Test
    void processingByAUsModelProviderWithoutARecordedMechanismIsAFinding() {
        ResidencyJudgement judgement = judge(EU_SUBJECT, FRANKFURT,
                DataPlacement.of("openai", "api.openai.com", TransferMechanism.none()));
        assertEquals(ResidencyOutcome.FINDING, judgement.outcome());
        ResidencyVerdict processing = judgement.verdictOn(Aspect.PROCESSING).orElseThrow();
        assertEquals(ResidencyRule.NO_TRANSFER_MECHANISM, processing.rule());
        assertTrue(processing.citation().contains("Art. 44, 46(1) and 49"), processing.citation());
        assertEquals(ResidencyOutcome.PASS, judgement.verdictOn(Aspect.STORAGE).orElseThrow().outcome());
    }

    @Test
    void processingByADpfCertifiedUsModelProviderIsConditionalOk() {
        ResidencyJudgement judgement = judge(EU_SUBJECT, FRANKFURT, DataPlacement.of("openai", "api.openai.com",
                TransferMechanism.dpfCertified(LocalDate.of(2026, 10, 1), "dataprivacyframework.gov list entry")));
        assertEquals(ResidencyOutcome.CONDITIONAL_OK, judgement.outcome());
        ResidencyVerdict processing = judgement.verdictOn(Aspect.PROCESSING).orElseThrow();
        assertEquals(ResidencyRule.DPF_CERTIFIED, processing.rule());
        assertTrue(processing.citation().contains("2023/1795"), processing.citation());
    }

    @ParameterizedTest(name = "{0} {1} passes for an EU subject")
    @CsvSource({"aws,eu-central-1", "gcp,europe-west4", "azure,westeurope", ",westeurope", "azure,West Europe"})
    void euRegionsPassForEuSubjects(String provider, String code) {
        ResidencyJudgement judgement = judge(EU_SUBJECT, DataPlacement.of(provider, code, null),
                DataPlacement.of("azure-openai", "swedencentral", null));
        assertEquals(ResidencyOutcome.PASS, judgement.outcome(), judgement::toString);
        assertEquals(ResidencyRule.WITHIN_EEA, judgement.verdictOn(Aspect.STORAGE).orElseThrow().rule());
    }

    @ParameterizedTest(name = "storage at {0} {1} is a finding")
    @CsvSource({"aws,mars-north-1", ",mars-north-1", "gcp,eu-central-1", "aws,''"})
    void anUnknownRegionCodeIsAFinding(String provider, String code) {
        ResidencyJudgement judgement = judge(EU_SUBJECT, DataPlacement.of(provider, code, null), null);
        assertEquals(ResidencyOutcome.FINDING, judgement.outcome());
        assertEquals(ResidencyRule.REGION_UNKNOWN, judgement.verdictOn(Aspect.STORAGE).orElseThrow().rule());
    }

    @Test
    void anUnknownCodeIsAFindingEvenUnderAPolicyThatAllowsEverything() {
        ResidencyPolicy anywhere = new ResidencyPolicy("anywhere",
                new AllowedLocations(java.util.EnumSet.allOf(JurisdictionClass.class), java.util.Set.of()),
                new AllowedLocations(java.util.EnumSet.allOf(JurisdictionClass.class), java.util.Set.of()));
        ResidencyJudgement judgement = JUDGE.judge(SubjectJurisdiction.country("US", "mapped attribute"), anywhere,
                DataPlacement.of("aws", "mars-north-1", null), null, DAY);
        assertEquals(ResidencyRule.REGION_UNKNOWN, judgement.verdictOn(Aspect.STORAGE).orElseThrow().rule());
    }

    @Test
    void aSubjectOfUnknownJurisdictionIsAFindingEvenInTheEu() {
        ResidencyJudgement judgement = judge(SubjectJurisdiction.unknown("no rule for source lab-agents"), FRANKFURT,
                DataPlacement.of("vertex-ai", "europe-west4", null));
        assertEquals(ResidencyOutcome.FINDING, judgement.outcome());
        assertEquals(ResidencyRule.SUBJECT_JURISDICTION_UNKNOWN, judgement.findings().get(0).rule());
        assertEquals(1, judgement.findings().size(), "the EU locations themselves pass");
        ResidencyJudgement notIso = judge(SubjectJurisdiction.country("XX", "attribute country"), FRANKFURT, null);
        assertEquals(ResidencyRule.SUBJECT_JURISDICTION_UNKNOWN, notIso.findings().get(0).rule());
    }

    @Test
    void aMemberStateSubjectIsJudgedLikeAnEeaSubject() {
        ResidencyJudgement judgement = judge(SubjectJurisdiction.country("de", "attribute country"), FRANKFURT,
                DataPlacement.of("anthropic", "api.anthropic.com", null));
        assertEquals(ResidencyRule.NO_TRANSFER_MECHANISM, judgement.findings().get(0).rule());
    }

    @Test
    void processingInTheUkPassesOnItsRenewedAdequacyUntilItExpires() {
        DataPlacement london = DataPlacement.of("azure-openai", "uksouth", null);
        assertEquals(ResidencyRule.ADEQUACY_DECISION,
                judge(EU_SUBJECT, FRANKFURT, london).verdictOn(Aspect.PROCESSING).orElseThrow().rule());
        ResidencyJudgement after = JUDGE.judge(EU_SUBJECT, POLICY, FRANKFURT, london, LocalDate.of(2032, 1, 1));
        assertEquals(ResidencyRule.OUTSIDE_POLICY, after.verdictOn(Aspect.PROCESSING).orElseThrow().rule(),
                "once the decision has expired the UK is OTHER, which this policy does not allow");
    }

    @Test
    void otherThirdCountriesNeedSafeguardsAndTheDpfDoesNotCoverThem() {
        ResidencyPolicy withSafeguards = new ResidencyPolicy("EEA storage, processing anywhere with safeguards",
                AllowedLocations.classes(JurisdictionClass.EEA), new AllowedLocations(
                java.util.EnumSet.allOf(JurisdictionClass.class), java.util.Set.of()));
        assertEquals(ResidencyRule.STANDARD_CONTRACTUAL_CLAUSES, processingRule(withSafeguards,
                TransferMechanism.sccs(LocalDate.of(2022, 3, 1), "DPA annex 3")));
        assertEquals(ResidencyRule.SCCS_SUPERSEDED, processingRule(withSafeguards,
                TransferMechanism.sccs(LocalDate.of(2019, 5, 1), "2010 SCCs")));
        assertEquals(ResidencyRule.NO_TRANSFER_MECHANISM, processingRule(withSafeguards,
                TransferMechanism.dpfCertified(LocalDate.of(2026, 1, 1), "not applicable in India")));
        assertEquals(ResidencyRule.BINDING_CORPORATE_RULES, processingRule(withSafeguards,
                new TransferMechanism(TransferMechanism.Kind.BCRS, LocalDate.of(2020, 1, 1), "BCR-P")));
        assertEquals(ResidencyRule.OUTSIDE_POLICY, processingRule(POLICY,
                TransferMechanism.sccs(LocalDate.of(2022, 3, 1), "DPA annex 3")));
    }

    @Test
    void subjectsOutsideTheEeaAreJudgedByThePolicyOnly() {
        ResidencyPolicy usStays = new ResidencyPolicy("US subjects", AllowedLocations.countries("US"),
                AllowedLocations.countries("US"));
        ResidencyJudgement judgement = JUDGE.judge(SubjectJurisdiction.country("US", "agent us-support"), usStays,
                DataPlacement.of("aws", "us-east-1", null), DataPlacement.of("openai", "api.openai.com", null), DAY);
        assertEquals(ResidencyOutcome.PASS, judgement.outcome(), judgement::toString);
        assertEquals(ResidencyRule.POLICY_ONLY, judgement.verdictOn(Aspect.PROCESSING).orElseThrow().rule());
    }

    private static ResidencyRule processingRule(ResidencyPolicy policy, TransferMechanism mechanism) {
        DataPlacement mumbai = new DataPlacement(new Recipient("tool endpoint", "aws", mechanism), "ap-south-1");
        return JUDGE.judge(EU_SUBJECT, policy, FRANKFURT, mumbai, DAY).verdictOn(Aspect.PROCESSING).orElseThrow().rule();
    }

    private static ResidencyJudgement judge(SubjectJurisdiction subject, DataPlacement storage, DataPlacement processing) {
        return JUDGE.judge(subject, POLICY, storage, processing, DAY);
    }
}
