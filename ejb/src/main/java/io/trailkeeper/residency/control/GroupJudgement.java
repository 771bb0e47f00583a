package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.DataPlacement;
import io.trailkeeper.residency.entity.EventGroup;
import io.trailkeeper.residency.entity.FindingDraft;
import io.trailkeeper.residency.entity.FindingSeverity;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.PolicyView;
import io.trailkeeper.residency.entity.Recipient;
import io.trailkeeper.residency.entity.RecipientView;
import io.trailkeeper.residency.entity.ResidencyJudgement;
import io.trailkeeper.residency.entity.ResidencyPolicy;
import io.trailkeeper.residency.entity.ResidencyVerdict;
import io.trailkeeper.residency.entity.SubjectJurisdiction;
import io.trailkeeper.residency.entity.SubjectRuleView;
import io.trailkeeper.residency.entity.TransferMechanism;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one aggregated event group once with {@link ResidencyJudge}: where its subjects live (the first
 * matching subject rule, else unknown), which policy binds them, where it was stored (the agent's region)
 * and processed (the model's recorded location). Pure logic: the rules, policies and recipients are passed in.
 *
 * <p>A group is judged on the day of its first and of its last event and the findings of both are kept,
 * since an adequacy decision (GDPR Art. 45(3)) may start or end in between.
 */
public final class GroupJudgement {

    /** The agent's runtime and log store: its mechanism is never recorded, the policy decides storage. */
    static final String STORAGE_RECIPIENT = "agent runtime";

    private final ResidencyJudge judge;
    private final ResidencyCatalog catalog;
    private final List<SubjectRuleView> rules;
    private final Map<String, PolicyView> policies;
    private final Map<String, RecipientView> recipients;

    public GroupJudgement(ResidencyCatalog catalog, List<SubjectRuleView> rules, Map<String, PolicyView> policies,
                          Map<String, RecipientView> recipients) {
        this.catalog = catalog;
        this.judge = new ResidencyJudge(catalog);
        this.rules = List.copyOf(rules);
        this.policies = Map.copyOf(policies);
        this.recipients = Map.copyOf(recipients);
    }

    public List<FindingDraft> findings(EventGroup group) {
        SubjectJurisdiction subject = subjectOf(group);
        ResidencyPolicy policy = policyFor(subject);
        DataPlacement storage = new DataPlacement(new Recipient(STORAGE_RECIPIENT, null, TransferMechanism.none()), group.region());
        DataPlacement processing = processingOf(group.model());
        Map<String, FindingDraft> found = new LinkedHashMap<>();
        for (LocalDate day : List.of(day(group.firstSeen()), day(group.lastSeen()))) {
            ResidencyJudgement judgement = judge.judge(subject, policy, storage, processing, day);
            for (ResidencyVerdict verdict : judgement.findings()) {
                FindingDraft draft = draft(group, subject, verdict);
                found.putIfAbsent(draft.key(), draft);
            }
        }
        return List.copyOf(found.values());
    }

    SubjectJurisdiction subjectOf(EventGroup group) {
        for (SubjectRuleView rule : rules) {
            if (rule.matches(group.source(), group.agent())) {
                String basis = "subject rule " + rule.id() + (rule.source() == null ? "" : " source " + rule.source())
                        + (rule.agent() == null ? "" : " agent " + rule.agent());
                return "EEA".equals(rule.jurisdiction()) ? SubjectJurisdiction.eea(basis)
                        : SubjectJurisdiction.country(rule.jurisdiction(), basis);
            }
        }
        return SubjectJurisdiction.unknown("no subject rule matches source '" + group.source() + "', agent '" + group.agent() + "'");
    }

    /** The subject's own policy; else EU/EEA countries take the EEA one, others '*'; unknown subjects the EEA one. */
    ResidencyPolicy policyFor(SubjectJurisdiction subject) {
        PolicyView view = switch (subject.scope()) {
            case EEA, UNKNOWN -> policies.get("EEA");
            case COUNTRY -> policies.getOrDefault(subject.country(),
                    catalog.transferStatus(subject.country()).jurisdictionClass() == JurisdictionClass.EEA
                            ? policies.get("EEA") : policies.get("*"));
        };
        return view == null ? ResidencyPolicy.euSubjects() : view.policy();
    }

    private DataPlacement processingOf(String model) {
        if (model == null || model.isBlank()) {
            return null;
        }
        RecipientView recipient = recipients.get(model);
        return recipient == null
                ? new DataPlacement(new Recipient(model, null, TransferMechanism.none()), null)
                : new DataPlacement(recipient.recipient(), recipient.location());
    }

    private static FindingDraft draft(EventGroup group, SubjectJurisdiction subject, ResidencyVerdict verdict) {
        String location = switch (verdict.aspect()) {
            case SUBJECT -> null;
            case STORAGE -> group.region();
            case PROCESSING -> group.model();
        };
        String recipient = verdict.aspect() == ResidencyVerdict.Aspect.PROCESSING ? group.model() : null;
        String key = String.join("|", verdict.rule().name(), verdict.aspect().name(), group.source(), group.agent(),
                location == null ? "" : location);
        return new FindingDraft(key, verdict.rule(), verdict.aspect(), FindingSeverity.of(verdict.rule()),
                subject.isUnknown() ? "UNKNOWN" : subject.toString(), group.source(), group.agent(), location, recipient,
                cut(verdict.detail(), 2000), verdict.catalogVersion(), group.events(), group.subjects(), group.firstSeen(), group.lastSeen());
    }

    private static LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
