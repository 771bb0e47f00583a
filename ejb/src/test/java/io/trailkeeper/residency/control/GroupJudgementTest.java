package io.trailkeeper.residency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.residency.entity.EventGroup;
import io.trailkeeper.residency.entity.FindingDraft;
import io.trailkeeper.residency.entity.FindingSeverity;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.PolicyView;
import io.trailkeeper.residency.entity.RecipientView;
import io.trailkeeper.residency.entity.ResidencyRule;
import io.trailkeeper.residency.entity.ResidencyVerdict.Aspect;
import io.trailkeeper.residency.entity.SubjectRuleView;
import io.trailkeeper.residency.entity.TransferMechanism;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One aggregated group judged once: subject rules, policy choice, storage and processing, finding keys. */
class GroupJudgementTest {

    private static final ResidencyCatalog CATALOG = ResidencyCatalogReader.shipped();
    private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-05T10:00:00Z");
    private static final PolicyView EEA = new PolicyView("EEA", "EU/EEA subjects", List.of(JurisdictionClass.EEA), List.of(),
            List.of(JurisdictionClass.EEA, JurisdictionClass.ADEQUATE, JurisdictionClass.CONDITIONAL), List.of(), 1, T1, "test", "test");
    private static final PolicyView ANY = new PolicyView("*", "anywhere", List.of(JurisdictionClass.values()), List.of(),
            List.of(JurisdictionClass.values()), List.of(), 1, T1, "test", "test");
    private static final SubjectRuleView EU_SOURCE = new SubjectRuleView(UUID.randomUUID(), 10, "support-prod-eu", null, "EEA", T1, "o", "r");

    private static GroupJudgement judgement(Map<String, RecipientView> recipients) {
        return new GroupJudgement(CATALOG, List.of(EU_SOURCE), Map.of("EEA", EEA, "*", ANY), recipients);
    }

    private static EventGroup group(String source, String region, String model) {
        return new EventGroup(source, "support-bot", region, model, 7, 3, T1, T2);
    }

    @Test
    void anEuSubjectStoredInUsEast1IsOneHighFindingWithTheGroupsCounts() {
        List<FindingDraft> found = judgement(Map.of()).findings(group("support-prod-eu", "us-east-1", null));
        assertEquals(1, found.size(), found.toString());
        FindingDraft d = found.get(0);
        assertEquals(ResidencyRule.OUTSIDE_POLICY, d.rule());
        assertEquals(Aspect.STORAGE, d.aspect());
        assertEquals(FindingSeverity.HIGH, d.severity());
        assertEquals("EEA", d.jurisdiction());
        assertEquals(7, d.events());
        assertEquals(3, d.subjects());
        assertEquals(T1, d.firstSeen());
        assertEquals(T2, d.lastSeen());
        assertEquals("OUTSIDE_POLICY|STORAGE|support-prod-eu|support-bot|us-east-1", d.key());
    }

    @Test
    void euRegionsPassAndAnUnknownRegionIsAFinding() {
        for (String region : List.of("eu-central-1", "europe-west4", "westeurope")) {
            assertEquals(List.of(), judgement(Map.of()).findings(group("support-prod-eu", region, null)), region);
        }
        List<FindingDraft> mars = judgement(Map.of()).findings(group("support-prod-eu", "mars-north-1", null));
        assertEquals(1, mars.size());
        assertEquals(ResidencyRule.REGION_UNKNOWN, mars.get(0).rule());
        assertEquals(FindingSeverity.MEDIUM, mars.get(0).severity());
    }

    @Test
    void aSourceNoRuleCoversHasSubjectsOfUnknownJurisdictionJudgedLikeEuSubjects() {
        List<FindingDraft> found = judgement(Map.of()).findings(group("elsewhere", "us-east-1", null));
        assertEquals(List.of(ResidencyRule.SUBJECT_JURISDICTION_UNKNOWN, ResidencyRule.OUTSIDE_POLICY),
                found.stream().map(FindingDraft::rule).toList());
        assertTrue(found.stream().allMatch(d -> d.jurisdiction().equals("UNKNOWN")));
    }

    @Test
    void aModelWithoutRecordedLocationIsAFindingAndDpfRecordedIsConditionalOk() {
        List<FindingDraft> unrecorded = judgement(Map.of()).findings(group("support-prod-eu", "eu-central-1", "gpt-4o"));
        assertEquals(1, unrecorded.size());
        assertEquals(ResidencyRule.REGION_UNKNOWN, unrecorded.get(0).rule());
        assertEquals(Aspect.PROCESSING, unrecorded.get(0).aspect());
        assertEquals("gpt-4o", unrecorded.get(0).recipient());

        RecipientView none = new RecipientView("gpt-4o", "openai", "api.openai.com", TransferMechanism.Kind.NONE, null, null, T1, "o");
        List<FindingDraft> noMechanism = judgement(Map.of("gpt-4o", none)).findings(group("support-prod-eu", "eu-central-1", "gpt-4o"));
        assertEquals(List.of(ResidencyRule.NO_TRANSFER_MECHANISM), noMechanism.stream().map(FindingDraft::rule).toList());

        RecipientView dpf = new RecipientView("gpt-4o", "openai", "api.openai.com", TransferMechanism.Kind.DPF_CERTIFIED,
                LocalDate.of(2026, 10, 1), "dataprivacyframework.gov entry", T1, "o");
        assertEquals(List.of(), judgement(Map.of("gpt-4o", dpf)).findings(group("support-prod-eu", "eu-central-1", "gpt-4o")));
    }

    @Test
    void aCountryRuleTakesItsOwnPolicyOrTheEeaOneForAnEuCountry() {
        GroupJudgement judged = new GroupJudgement(CATALOG, List.of(new SubjectRuleView(UUID.randomUUID(), 1, null, "support-bot", "DE",
                T1, "o", "r")), Map.of("EEA", EEA, "*", ANY), Map.of());
        assertEquals(ResidencyRule.OUTSIDE_POLICY, judged.findings(group("x", "us-east-1", null)).get(0).rule());
        GroupJudgement us = new GroupJudgement(CATALOG, List.of(new SubjectRuleView(UUID.randomUUID(), 1, null, "SUPPORT-BOT", "US",
                T1, "o", "r")), Map.of("EEA", EEA, "*", ANY), Map.of());
        assertEquals(List.of(), us.findings(group("x", "us-east-1", null)), "US subjects fall under '*'");
    }
}
