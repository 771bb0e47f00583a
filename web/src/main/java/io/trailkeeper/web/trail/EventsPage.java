package io.trailkeeper.web.trail;

import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.EventPage;
import io.trailkeeper.trail.entity.MaskingCounts;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The events browser: the same search as {@code GET /api/events}, newest first, a page at a time, and
 * one event in full. Every criterion is a view parameter, so a search can be bookmarked and shared;
 * a subject identifier typed by the officer is turned into its pseudonym before the page redirects,
 * so the identifier never appears in a URL, the browser history or an access log (GDPR Art. 25).
 */
@Named
@ViewScoped
public class EventsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @EJB
    TrailQueries trail;

    @EJB
    SubjectVault vault;

    private String from;
    private String to;
    private String agent;
    private String action;
    private String result;
    private String region;
    private String subject;
    private String subjectPseudonym;
    private int page;
    private String event;

    private List<EventView> rows = List.of();
    private long total;
    private boolean searched;
    private EventView selected;
    private String selectedContent;

    /** Runs the search the view parameters describe, and opens the event they name. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback()) {
            return;
        }
        try {
            EventFilter filter = EventsResource.filter(vault, from, to, agent, action, result, region, null, subjectPseudonym);
            EventPage found = trail.search(filter, Math.max(page, 0), PAGE_SIZE);
            rows = found.items().stream().map(EventView::summary).toList();
            total = found.total();
            searched = true;
        } catch (IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            // The page still answers, with the reason, but as what it is: the request's fault.
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(400);
        }
        if (event != null && !event.isBlank()) {
            Optional<AuditEvent> found = eventId().flatMap(trail::find);
            if (found.isEmpty()) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "There is no event with id " + event + ".", null));
            } else {
                selected = EventView.full(found.get(), vault.readContent(found.get()));
                selectedContent = selected.content() == null ? null : pretty(selected.content());
            }
        }
    }

    /** The form's search: pseudonymise a typed identifier, then show the first page at a bookmarkable URL. */
    public void search() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            EventFilter filter = EventsResource.filter(vault, from, to, agent, action, result, region, subject, subjectPseudonym);
            subjectPseudonym = filter.subjectPseudonym();
        } catch (IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        subject = null;
        faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/app/events.xhtml"
                + EventsQuery.of(criteria(0, null)));
    }

    public String pageUrl(int target) {
        return EventsQuery.of(criteria(target, null));
    }

    public String detailUrl(EventView row) {
        return EventsQuery.of(criteria(page, row.id().toString())) + "#event";
    }

    public String getClearUrl() {
        return EventsQuery.of(criteria(page, null));
    }

    private Map<String, String> criteria(int targetPage, String eventId) {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("from", from);
        criteria.put("to", to);
        criteria.put("agent", agent);
        criteria.put("action", action);
        criteria.put("result", result);
        criteria.put("region", region);
        criteria.put("subjectPseudonym", subjectPseudonym);
        criteria.put("page", targetPage > 0 ? String.valueOf(targetPage) : null);
        criteria.put("event", eventId);
        return criteria;
    }

    private Optional<UUID> eventId() {
        try {
            return Optional.of(UUID.fromString(event.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String pretty(JsonObject content) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(content);
        }
        return text.toString().strip();
    }

    /** The masking counts of an event as "2 e-mail addresses, 1 secret", or "nothing" when none. */
    public static String describe(MaskingCounts masked) {
        if (masked == null || masked.total() == 0) {
            return "nothing";
        }
        List<String> parts = new ArrayList<>();
        add(parts, masked.secrets(), "secret", "secrets");
        add(parts, masked.paymentCards(), "payment card", "payment cards");
        add(parts, masked.usSsns(), "US SSN", "US SSNs");
        add(parts, masked.emails(), "e-mail address", "e-mail addresses");
        add(parts, masked.phones(), "phone number", "phone numbers");
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, int count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }

    public String masked(EventView row) {
        return describe(row.masked());
    }

    public boolean isHasPrevious() { return page > 0; }
    public boolean isHasNext() { return (long) (page + 1) * PAGE_SIZE < total; }
    public long getFirstShown() { return rows.isEmpty() ? 0 : (long) page * PAGE_SIZE + 1; }
    public long getLastShown() { return (long) page * PAGE_SIZE + rows.size(); }
    public List<EventView> getRows() { return rows; }
    public long getTotal() { return total; }
    public boolean isSearched() { return searched; }
    public EventView getSelected() { return selected; }
    public String getSelectedContent() { return selectedContent; }
    public String getSelectedMasked() { return selected == null ? null : describe(selected.masked()); }

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getAgent() { return agent; }
    public void setAgent(String agent) { this.agent = agent; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getSubjectPseudonym() { return subjectPseudonym; }
    public void setSubjectPseudonym(String subjectPseudonym) { this.subjectPseudonym = subjectPseudonym; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
}
