package io.trailkeeper.web.platform;

import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.jobs.ingest.UploadRejected;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception that leaves a resource becomes a problem+json response. Client mistakes say what
 * to change; anything unexpected is logged under an incident id that the response repeats, and its
 * message and stack trace stay in the server log.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problemFor(unwrap(thrown));
        return (uri == null ? problem : problem.at(uri.getRequestUri().getPath())).toResponse();
    }

    static Problem problemFor(Throwable thrown) {
        if (thrown instanceof ClientErrorException client) {
            Response.StatusType status = client.getResponse().getStatusInfo();
            return Problem.of(status, client.getMessage());
        }
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return Problem.of(web.getResponse().getStatusInfo(), web.getMessage());
        }
        if (thrown instanceof AccountRejected rejected) {
            return Problem.of(Response.Status.BAD_REQUEST, rejected.getMessage());
        }
        if (thrown instanceof UploadRejected rejected) {
            return rejected.tooLarge()
                    ? Problem.of(413, "Content Too Large", rejected.getMessage())
                    : Problem.of(Response.Status.BAD_REQUEST, rejected.getMessage());
        }
        if (thrown instanceof IllegalArgumentException invalid) {
            return Problem.of(Response.Status.BAD_REQUEST, invalid.getMessage());
        }
        if (thrown instanceof ProcessingException && causedBy(thrown, IOException.class)) {
            // The body stopped before its Content-Length: the client stalled or the connection broke.
            return Problem.of(Response.Status.BAD_REQUEST, "the request body ended before all of it arrived; send the request again");
        }
        if (thrown instanceof JsonbException || thrown instanceof ProcessingException) {
            return Problem.of(Response.Status.BAD_REQUEST, "the request body is not valid JSON for this operation");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, thrown);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; quote incident " + incident + " to your administrator");
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof EJBException || current instanceof ProcessingException && current.getCause() instanceof JsonbException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
