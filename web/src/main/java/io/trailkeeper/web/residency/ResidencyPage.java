package io.trailkeeper.web.residency;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.residency.boundary.ResidencyCheck;
import io.trailkeeper.residency.boundary.ResidencyFindings;
import io.trailkeeper.residency.boundary.ResidencySettings;
import io.trailkeeper.residency.entity.CheckRun;
import io.trailkeeper.residency.entity.FindingSeverity;
import io.trailkeeper.residency.entity.FindingStatus;
import io.trailkeeper.residency.entity.FindingView;
import io.trailkeeper.residency.entity.RecipientView;
import io.trailkeeper.residency.entity.ResidencyRejected;
import io.trailkeeper.residency.entity.StatusChange;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The residency page: open findings by severity and jurisdiction (officers accept one with a reason for a
 * number of days, or run a check now), recipients with their transfer mechanisms, and the latest checks.
 */
@Named
@ViewScoped
public class ResidencyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private ResidencyFindings findings;
    private ResidencySettings settings;
    private ResidencyCheck check;
    private Clock clock;

    private List<FindingView> open;
    private List<RecipientView> recipients;
    private List<CheckRun> runs;
    private String acceptReason;
    private Integer acceptDays = 90;

    protected ResidencyPage() {
        // for the container's proxy
    }

    @Inject
    public ResidencyPage(ResidencyFindings findings, ResidencySettings settings, ResidencyCheck check, Clock clock) {
        this.findings = findings;
        this.settings = settings;
        this.check = check;
        this.clock = clock;
    }

    @PostConstruct
    void load() {
        open = findings.list(FindingStatus.OPEN, null);
        recipients = settings.recipients();
        runs = check.runs(5);
    }

    public boolean canChange() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.COMPLIANCE_OFFICER_NAME) || external.isUserInRole(Role.ADMIN_NAME);
    }

    /** How many open findings of one severity and subject jurisdiction. */
    public record SummaryLine(FindingSeverity severity, String jurisdiction, long findings) {
    }

    /** Open findings counted per severity and jurisdiction, most severe first. */
    public List<SummaryLine> getSummary() {
        Map<FindingSeverity, Map<String, Long>> counts = open.stream().collect(Collectors.groupingBy(FindingView::severity,
                () -> new EnumMap<>(FindingSeverity.class), Collectors.groupingBy(FindingView::jurisdiction, TreeMap::new, Collectors.counting())));
        List<SummaryLine> lines = new ArrayList<>();
        counts.forEach((severity, byJurisdiction) -> byJurisdiction.forEach((j, n) -> lines.add(new SummaryLine(severity, j, n))));
        return lines;
    }

    public void runCheck() {
        if (allowed()) {
            CheckRun run = check.run(caller());
            info("Checked " + run.events() + " new events in " + run.groups() + " groups: " + run.newFindings() + " new findings, "
                    + run.updatedFindings() + " updated, " + run.reopened() + " re-opened.");
        }
        load();
    }

    public void accept(String id) {
        if (allowed()) {
            try {
                int days = acceptDays == null ? 0 : acceptDays;
                FindingView accepted = findings.change(UUID.fromString(id), new StatusChange("ACCEPTED", acceptReason,
                        clock.instant().plus(Duration.ofDays(days))), caller());
                info("Finding " + accepted.rule() + " at " + accepted.location() + " accepted until " + accepted.acceptedUntil() + ".");
                acceptReason = null;
            } catch (ResidencyRejected e) {
                e.problems().forEach(this::error);
            }
        }
        load();
    }

    private boolean allowed() {
        if (!canChange()) {
            error("Only compliance officers and administrators can decide on residency findings.");
            return false;
        }
        return true;
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

    public List<FindingView> getOpen() { return open; }
    public List<RecipientView> getRecipients() { return recipients; }
    public List<CheckRun> getRuns() { return runs; }
    public String getAcceptReason() { return acceptReason; }
    public void setAcceptReason(String acceptReason) { this.acceptReason = acceptReason; }
    public Integer getAcceptDays() { return acceptDays; }
    public void setAcceptDays(Integer acceptDays) { this.acceptDays = acceptDays; }
}
