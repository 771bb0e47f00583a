package io.trailkeeper.web.trail;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.jobs.ingest.ImportLauncher;
import io.trailkeeper.jobs.ingest.ImportStatus;
import io.trailkeeper.jobs.ingest.UploadRejected;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.EventCount;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.web.ingest.FileFormat;
import io.trailkeeper.web.platform.Period;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The officer's first page: events per agent over the last days, recent imports, starting an
 * import from an uploaded file, and downloading the summary PDF for a period.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The periods a person can pick; anything else in the URL falls back to the first. */
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    private static final int RECENT_IMPORTS = 10;

    @EJB
    TrailQueries trail;

    @EJB
    ImportLauncher imports;

    @Inject
    Clock clock;

    private int days = PERIODS.get(0);
    private transient Part upload;
    private String source = "uploads";
    private String format = FileFormat.AGENT_ACTIONS.getName();
    private String reportFrom;
    private String reportTo;
    private List<EventCount> agentCounts;
    private long totalEvents;
    private List<ImportStatus> recentImports;

    @PostConstruct
    void init() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("days");
        days = PERIODS.stream().filter(p -> String.valueOf(p).equals(asked)).findFirst().orElse(PERIODS.get(0));
        load();
    }

    private void load() {
        Period period = Period.lastDays(days, clock);
        EventFilter filter = EventFilter.period(period.from(), period.to());
        agentCounts = trail.countsPerAgent(filter);
        totalEvents = agentCounts.stream().mapToLong(EventCount::count).sum();
        recentImports = imports.recent(RECENT_IMPORTS);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        reportFrom = today.minusDays(days - 1L).toString();
        reportTo = today.plusDays(1).toString();
    }

    public void startImport() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!canImport()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only compliance officers and administrators can start imports.", null));
            return;
        }
        if (upload == null || upload.getSize() == 0) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a JSON-lines file to import.", null));
            return;
        }
        try (InputStream body = upload.getInputStream()) {
            ImportStatus started = imports.importUpload(source, FileFormat.named(format), upload.getSubmittedFileName(), body);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Import " + started.executionId() + " of " + started.fileName() + " started.", null));
        } catch (UploadRejected | IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        } catch (IOException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The upload could not be read; please try again.", null));
        }
        load();
    }

    public boolean canImport() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.COMPLIANCE_OFFICER_NAME) || external.isUserInRole(Role.ADMIN_NAME);
    }

    public boolean isImportRunning() {
        return recentImports.stream().anyMatch(i -> !i.finished());
    }

    public String getReportUrl() {
        return "app/reports/audit-trail-summary.pdf?from=" + URLEncoder.encode(reportFrom, StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(reportTo, StandardCharsets.UTF_8);
    }

    public int getDays() { return days; }
    public List<Integer> getPeriods() { return PERIODS; }
    public List<EventCount> getAgentCounts() { return agentCounts; }
    public long getTotalEvents() { return totalEvents; }
    public List<ImportStatus> getRecentImports() { return recentImports; }
    public Part getUpload() { return upload; }
    public void setUpload(Part upload) { this.upload = upload; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public FileFormat[] getFormats() { return FileFormat.values(); }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getReportFrom() { return reportFrom; }
    public void setReportFrom(String reportFrom) { this.reportFrom = reportFrom; }
    public String getReportTo() { return reportTo; }
    public void setReportTo(String reportTo) { this.reportTo = reportTo; }
}
