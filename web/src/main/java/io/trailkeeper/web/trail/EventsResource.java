package io.trailkeeper.web.trail;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.protection.boundary.SubjectVault;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.EventPage;
import io.trailkeeper.web.platform.Period;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
                    + "subject finds a data subject's events by their identifier, which is turned into its pseudonym and never stored.")
    public EventList search(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("agent") String agent, @QueryParam("action") String action,
                            @QueryParam("subject") String subject, @QueryParam("subjectPseudonym") String subjectPseudonym,
                            @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size) {
        if (subject != null && !subject.isBlank() && subjectPseudonym != null && !subjectPseudonym.isBlank()) {
            throw new IllegalArgumentException("give 'subject' or 'subjectPseudonym', not both");
        }
        String pseudonym = subject == null || subject.isBlank() ? subjectPseudonym : vault.pseudonymOf(subject);
        EventFilter filter = new EventFilter(Period.parse("from", from), Period.parse("to", to), agent, action, pseudonym);
        EventPage result = trail.search(filter, page, size);
        return new EventList(result.items().stream().map(EventView::summary).toList(), result.page(), result.size(), result.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event with its content")
    public EventView event(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no event with id " + id);
        }
        return trail.find(uuid).map(e -> EventView.full(e, vault.readContent(e)))
                .orElseThrow(() -> new NotFoundException("no event with id " + id));
    }
}
