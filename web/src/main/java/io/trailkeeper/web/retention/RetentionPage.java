package io.trailkeeper.web.retention;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.retention.boundary.LegalHolds;
import io.trailkeeper.retention.boundary.RecordClassification;
import io.trailkeeper.retention.boundary.RetentionDryRun;
import io.trailkeeper.retention.boundary.RetentionPolicies;
import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.jobs.retention.RetentionRunLauncher;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.DryRun;
import io.trailkeeper.retention.entity.HoldDefinition;
import io.trailkeeper.retention.entity.HoldView;
import io.trailkeeper.retention.entity.PolicyDefinition;
import io.trailkeeper.retention.entity.PolicyPreset;
import io.trailkeeper.retention.entity.PolicyView;
import io.trailkeeper.retention.entity.RecordClassView;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.web.platform.Period;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The retention page: classes with their counts, policies with their floors, legal holds (officers
 * place and release them), and the dry run as of now. Auditors see all of it and change nothing.
 */
@Named
@ViewScoped
public class RetentionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private RecordClassification classification;
    private RetentionPolicies policies;
    private LegalHolds holds;
    private RetentionDryRun dryRuns;
    private RetentionRuns runs;
    private RetentionRunLauncher launcher;
    private Clock clock;

    private List<RecordClassView> classes;
    private List<PolicyView> policyList;
    private List<PolicyPreset> presets;
    private List<HoldView> holdList;
    private DryRun dryRun;
    private List<RetentionRunView> runList;
    private String preset;
    private String policyReason;
    private String matter;
    private String reason;
    private String subjects;
    private String agents;
    private String sources;
    private String from;
    private String until;
    private String releaseReason;

    protected RetentionPage() {
        // for the container's proxy
    }

    @Inject
    public RetentionPage(RecordClassification classification, RetentionPolicies policies, LegalHolds holds,
                         RetentionDryRun dryRuns, RetentionRuns runs, RetentionRunLauncher launcher, Clock clock) {
        this.classification = classification;
        this.policies = policies;
        this.holds = holds;
        this.dryRuns = dryRuns;
        this.runs = runs;
        this.launcher = launcher;
        this.clock = clock;
    }

    @PostConstruct
    void load() {
        classes = classification.classes();
        policyList = policies.list(false);
        presets = policies.presets();
        holdList = holds.list(false);
        dryRun = dryRuns.asOf(clock.instant());
        runList = runs.list(20);
    }

    /** Deletes now what the dry run shows would go (GDPR Art. 5(1)(e)); the run goes on in the background. */
    public void runNow() {
        if (allowed()) {
            try {
                RetentionRunView run = launcher.start(null, "MANUAL", caller());
                info("Retention run " + run.id() + " started as of " + run.at() + ".");
            } catch (RetentionRejected e) {
                e.problems().forEach(this::error);
            }
        }
        load();
    }

    public boolean canChange() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.COMPLIANCE_OFFICER_NAME) || external.isUserInRole(Role.ADMIN_NAME);
    }

    public void addPolicy() {
        if (allowed()) {
            try {
                PolicyView added = policies.add(new PolicyDefinition(preset, null, null, null, null, null, policyReason), caller());
                info("Policy for " + added.recordClass() + " (" + added.periodDays() + " days) added.");
                preset = null;
                policyReason = null;
            } catch (RetentionRejected e) {
                e.problems().forEach(this::error);
            }
        }
        load();
    }

    public void placeHold() {
        if (allowed()) {
            try {
                HoldView placed = holds.place(new HoldDefinition(matter, reason, list(subjects), List.of(), list(agents), list(sources),
                        Period.parse("from", from), Period.parse("until", until)), caller());
                info("Legal hold '" + placed.matter() + "' placed.");
                matter = reason = subjects = agents = sources = from = until = null;
            } catch (RetentionRejected e) {
                e.problems().forEach(this::error);
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
            }
        }
        load();
    }

    public void release(String id) {
        if (allowed()) {
            try {
                HoldView released = holds.release(UUID.fromString(id), releaseReason, caller());
                info("Legal hold '" + released.matter() + "' released.");
                releaseReason = null;
            } catch (RetentionRejected e) {
                e.problems().forEach(this::error);
            }
        }
        load();
    }

    private boolean allowed() {
        if (!canChange()) {
            error("Only compliance officers and administrators can change retention.");
            return false;
        }
        return true;
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String caller() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    private void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<RecordClassView> getClasses() { return classes; }
    public List<PolicyView> getPolicies() { return policyList; }
    public List<PolicyPreset> getPresets() { return presets; }
    public List<HoldView> getHolds() { return holdList; }
    public DryRun getDryRun() { return dryRun; }
    public List<RetentionRunView> getRuns() { return runList; }
    public String getPreset() { return preset; }
    public void setPreset(String preset) { this.preset = preset; }
    public String getPolicyReason() { return policyReason; }
    public void setPolicyReason(String policyReason) { this.policyReason = policyReason; }
    public String getMatter() { return matter; }
    public void setMatter(String matter) { this.matter = matter; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getSubjects() { return subjects; }
    public void setSubjects(String subjects) { this.subjects = subjects; }
    public String getAgents() { return agents; }
    public void setAgents(String agents) { this.agents = agents; }
    public String getSources() { return sources; }
    public void setSources(String sources) { this.sources = sources; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getUntil() { return until; }
    public void setUntil(String until) { this.until = until; }
    public String getReleaseReason() { return releaseReason; }
    public void setReleaseReason(String releaseReason) { this.releaseReason = releaseReason; }
}
