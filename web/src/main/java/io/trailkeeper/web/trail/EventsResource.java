package io.trailkeeper.web.trail;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.EventPage;
import io.trailkeeper.web.platform.Period;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Search and read the audit trail. */
@Path("events")
@RequestScoped
@RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class EventsResource {

    public record EventList(List<EventView> items, int page, int size, long total) {
    }

    @EJB
    TrailQueries trail;

    @EJB
    SubjectVault vault;

    @GET
    @Operation(summary = "Events matching the filters, newest first, one page at a time",
            description = "from (inclusive) and to (exclusive) take ISO-8601 instants or dates (UTC). size is at most 500. "
                    + "agent, action, result (as the source reported it, e.g. success, denied, error) and region match exactly, "
                    + "at most 200 characters each. "
                    + "subject finds a data subject's events by their identifier, which is turned into its pseudonym and never stored.")
    public EventList search(@QueryParam("from") @Parameter(description = "inclusive; ISO-8601 instant or UTC date") String from,
                            @QueryParam("to") @Parameter(description = "exclusive; ISO-8601 instant or UTC date") String to,
                            @QueryParam("agent") @Parameter(description = "agent id, exact") String agent,
                            @QueryParam("action") @Parameter(description = "action, exact") String action,
                            @QueryParam("result") @Parameter(description = "result as reported by the source, exact (e.g. denied)") String result,
                            @QueryParam("region") @Parameter(description = "region the agent ran in, exact (e.g. eu-west-1)") String region,
                            @QueryParam("subject") @Parameter(description = "a data subject's identifier; pseudonymised, never stored") String subject,
                            @QueryParam("subjectPseudonym") @Parameter(description = "a subject pseudonym as events show it") String subjectPseudonym,
                            @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size) {
        EventFilter filter = filter(vault, from, to, agent, action, result, region, subject, subjectPseudonym);
        EventPage found = trail.search(filter, page, size);
        return new EventList(found.items().stream().map(EventView::summary).toList(), found.page(), found.size(), found.total());
    }

    /**
     * The filter of a search as the API and the events page take it: dates or instants as text, and a
     * subject either by identifier (pseudonymised here, never stored) or by pseudonym, not both.
     */
    static EventFilter filter(SubjectVault vault, String from, String to, String agent, String action, String result,
                              String region, String subject, String subjectPseudonym) {
        boolean byIdentifier = subject != null && !subject.isBlank();
        if (byIdentifier && subjectPseudonym != null && !subjectPseudonym.isBlank()) {
            throw new IllegalArgumentException("give 'subject' or 'subjectPseudonym', not both");
        }
        String pseudonym = byIdentifier ? vault.pseudonymOf(subject) : subjectPseudonym;
        return new EventFilter(Period.parse("from", from), Period.parse("to", to), agent, action, result, region, pseudonym);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event with its content")
    public EventView event(@PathParam("id") String id) {
        return trail.find(ResourceIds.parse(id, "event")).map(e -> EventView.full(e, vault.readContent(e)))
                .orElseThrow(() -> ResourceIds.notFound("event", id));
    }
}
