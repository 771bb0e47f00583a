package io.trailkeeper.residency.boundary;

import io.trailkeeper.residency.control.SettingChecks;
import io.trailkeeper.residency.control.SettingRows;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.PolicyDefinition;
import io.trailkeeper.residency.entity.PolicyView;
import io.trailkeeper.residency.entity.RecipientDefinition;
import io.trailkeeper.residency.entity.RecipientView;
import io.trailkeeper.residency.entity.ResidencyRejected;
import io.trailkeeper.residency.entity.SubjectRuleDefinition;
import io.trailkeeper.residency.entity.SubjectRuleView;
import io.trailkeeper.residency.entity.TransferMechanism;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What officers set for residency: a policy per subject jurisdiction, rules saying where a source's or
 * agent's subjects live, and for each model where it processes and under which transfer mechanism
 * (GDPR Art. 45-49). The next check judges by what is set then.
 */
@Stateless
public class ResidencySettings {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ResidencyCatalogs catalogs;

    public List<PolicyView> policies() {
        return sql(() -> SettingRows.policies(connection()));
    }

    public PolicyView setPolicy(String jurisdiction, PolicyDefinition asked, String by) {
        SettingChecks checks = new SettingChecks(catalogs.current());
        if (asked == null) {
            throw ResidencyRejected.invalid(List.of("send the policy as a JSON object with name, storageClasses, processingClasses and reason"));
        }
        String code = checks.jurisdiction("jurisdiction", jurisdiction, true);
        String name = checks.required("name", asked.name(), 200);
        String reason = checks.required("reason", asked.reason(), 1000);
        List<JurisdictionClass> storage = checks.classes("storageClasses", asked.storageClasses());
        List<String> storageCountries = checks.countries("storageCountries", asked.storageCountries());
        List<JurisdictionClass> processing = checks.classes("processingClasses", asked.processingClasses());
        List<String> processingCountries = checks.countries("processingCountries", asked.processingCountries());
        if (storage.isEmpty() && storageCountries.isEmpty()) {
            checks.problem("a policy allows storage somewhere: give storageClasses or storageCountries");
        }
        if (processing.isEmpty() && processingCountries.isEmpty()) {
            checks.problem("a policy allows processing somewhere: give processingClasses or processingCountries");
        }
        reject(checks);
        int version = policies().stream().filter(p -> p.jurisdiction().equals(code)).mapToInt(PolicyView::version).max().orElse(0) + 1;
        PolicyView policy = new PolicyView(code, name, storage, storageCountries, processing, processingCountries, version,
                clock.instant(), by, reason);
        sql(() -> {
            SettingRows.putPolicy(connection(), policy);
            return null;
        });
        return policy;
    }

    public List<SubjectRuleView> subjectRules() {
        return sql(() -> SettingRows.subjectRules(connection()));
    }

    public SubjectRuleView addSubjectRule(SubjectRuleDefinition asked, String by) {
        SettingChecks checks = new SettingChecks(catalogs.current());
        if (asked == null) {
            throw ResidencyRejected.invalid(List.of("send the rule as a JSON object, e.g. {\"source\":\"support-prod-eu\",\"jurisdiction\":\"EEA\",\"reason\":\"…\"}"));
        }
        String source = checks.text("source", asked.source(), 100);
        String agent = checks.text("agent", asked.agent(), 200);
        String jurisdiction = checks.jurisdiction("jurisdiction", asked.jurisdiction(), false);
        String reason = checks.required("reason", asked.reason(), 1000);
        if (source == null && agent == null) {
            checks.problem("a subject rule names a source, an agent or both");
        }
        reject(checks);
        SubjectRuleView rule = new SubjectRuleView(UUID.randomUUID(), asked.evaluationOrder() == null ? 100 : asked.evaluationOrder(),
                source, agent, jurisdiction, clock.instant(), by, reason);
        sql(() -> {
            SettingRows.addSubjectRule(connection(), rule);
            return null;
        });
        return rule;
    }

    public void removeSubjectRule(UUID id) {
        if (!sql(() -> SettingRows.removeSubjectRule(connection(), id))) {
            throw new ResidencyRejected(ResidencyRejected.Reason.UNKNOWN, "no subject rule with id " + id);
        }
    }

    public List<RecipientView> recipients() {
        return sql(() -> SettingRows.recipients(connection()));
    }

    public RecipientView setRecipient(String model, RecipientDefinition asked, String by) {
        SettingChecks checks = new SettingChecks(catalogs.current());
        if (asked == null) {
            throw ResidencyRejected.invalid(List.of("send the recipient as a JSON object with provider, location and mechanism"));
        }
        String name = checks.required("model", model, 200);
        String provider = checks.text("provider", asked.provider(), 40);
        String location = checks.text("location", asked.location(), 200);
        TransferMechanism.Kind mechanism = checks.mechanism(asked.mechanism());
        String reference = checks.text("mechanismReference", asked.mechanismReference(), 500);
        if (mechanism == TransferMechanism.Kind.SCCS && asked.mechanismDate() == null) {
            checks.problem("SCCs are recorded with the date they were concluded (mechanismDate)");
        }
        checks.placeable(provider, location);
        reject(checks);
        RecipientView recipient = new RecipientView(name, provider, location, mechanism, asked.mechanismDate(), reference, clock.instant(), by);
        sql(() -> {
            SettingRows.putRecipient(connection(), recipient);
            return null;
        });
        return recipient;
    }

    private static void reject(SettingChecks checks) {
        if (!checks.problems().isEmpty()) {
            throw ResidencyRejected.invalid(checks.problems());
        }
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    interface SqlWork<T> {
        T run() throws SQLException;
    }

    static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("residency settings could not be read or written", e);
        }
    }
}
