package io.trailkeeper.web.ingest;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.ingest.boundary.Quarantine;
import io.trailkeeper.ingest.entity.QuarantinedRecord;
import io.trailkeeper.ingest.entity.ReprocessOutcome;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The quarantine page: records imports set aside, by source, open or all; one record inspected with
 * its masked preview (as {@code GET /api/quarantine/{id}}); and, for officers and administrators,
 * re-processing it as kept or with a corrected line (as {@code POST /api/quarantine/{id}/reprocess}).
 * Auditors see the same page read-only.
 */
@Named
@ViewScoped
public class QuarantinePage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @EJB
    Quarantine quarantine;

    private String source;
    private boolean all;
    private int page;
    private String record;
    private String correction;

    private List<QuarantineResource.QuarantinedView> rows = List.of();
    private QuarantineResource.QuarantinedView selected;
    private List<String> failures = List.of();

    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback()) {
            return;
        }
        list();
        if (record != null && !record.isBlank()) {
            select();
            if (selected == null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "There is no quarantined record with id " + record + ".", null));
            }
        }
    }

    private void list() {
        try {
            rows = quarantine.list(source, !all, Math.max(page, 0), PAGE_SIZE).stream()
                    .map(q -> QuarantineResource.QuarantinedView.of(q, null)).toList();
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            // The page still answers, with the reason, but as what it is: the request's fault.
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(400);
        }
    }

    private void select() {
        Optional<QuarantinedRecord> found = recordId().flatMap(quarantine::find);
        selected = found.map(q -> QuarantineResource.QuarantinedView.of(q, QuarantineResource.preview(quarantine.keptBytes(q))))
                .orElse(null);
    }

    public void reprocessAsKept() {
        reprocess(null);
    }

    public void reprocessCorrected() {
        if (correction == null || correction.isBlank()) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Type the corrected line first, or re-process the record as it was kept.", null));
            return;
        }
        reprocess(correction.strip().getBytes(StandardCharsets.UTF_8));
    }

    private void reprocess(byte[] corrected) {
        FacesContext faces = FacesContext.getCurrentInstance();
        failures = List.of();
        if (!canReprocess()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only compliance officers and administrators re-process records.", null));
            return;
        }
        Optional<UUID> id = recordId();
        if (id.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a record to re-process.", null));
            return;
        }
        try {
            Optional<ReprocessOutcome> outcome = quarantine.reprocess(id.get(), corrected,
                    faces.getExternalContext().getUserPrincipal().getName());
            if (outcome.isEmpty()) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "There is no quarantined record with id " + record + ".", null));
            } else if (outcome.get().accepted()) {
                correction = null;
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Resolved: " + outcome.get().stored() + " stored, "
                        + outcome.get().duplicates() + " already in the trail.", null));
            } else {
                failures = outcome.get().reasons();
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "The record still cannot be read; nothing was stored and it stays open.", null));
            }
        } catch (IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        select();
        list();
    }

    /** "open", or when, by whom and how the record was resolved. */
    public String state(QuarantineResource.QuarantinedView q) {
        return q.resolvedAt() == null ? "open" : "resolved at " + q.resolvedAt() + " by " + q.resolvedBy() + ": " + q.resolution();
    }

    public boolean canReprocess() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.COMPLIANCE_OFFICER_NAME) || external.isUserInRole(Role.ADMIN_NAME);
    }

    private Optional<UUID> recordId() {
        try {
            return record == null ? Optional.empty() : Optional.of(UUID.fromString(record.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String recordUrl(QuarantineResource.QuarantinedView row) {
        return query(page, all, row.id().toString()) + "#record";
    }

    public String listUrl(boolean showAll) {
        return query(0, showAll, null);
    }

    public String pageUrl(int target) {
        return query(target, all, null);
    }

    private String query(int targetPage, boolean showAll, String recordId) {
        StringBuilder query = new StringBuilder("?");
        if (source != null && !source.isBlank()) {
            query.append("source=").append(URLEncoder.encode(source.trim(), StandardCharsets.UTF_8)).append('&');
        }
        if (showAll) {
            query.append("all=true&");
        }
        if (targetPage > 0) {
            query.append("page=").append(targetPage).append('&');
        }
        if (recordId != null) {
            query.append("record=").append(recordId).append('&');
        }
        return query.substring(0, query.length() - 1).isEmpty() ? "?" : query.substring(0, query.length() - 1);
    }

    public boolean isHasNext() { return rows.size() == PAGE_SIZE; }
    public List<QuarantineResource.QuarantinedView> getRows() { return rows; }
    public QuarantineResource.QuarantinedView getSelected() { return selected; }
    public List<String> getFailures() { return failures; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public boolean isAll() { return all; }
    public void setAll(boolean all) { this.all = all; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public String getRecord() { return record; }
    public void setRecord(String record) { this.record = record; }
    public String getCorrection() { return correction; }
    public void setCorrection(String correction) { this.correction = correction; }
}
