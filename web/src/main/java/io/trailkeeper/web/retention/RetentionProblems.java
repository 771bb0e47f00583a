package io.trailkeeper.web.retention;

import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.web.platform.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns a refused retention request into problem+json: 422 for broken rules and for periods under a
 * legal floor (the detail names the refusing rule and its source), 404 unknown, 409 conflicting state.
 */
@Provider
public class RetentionProblems implements ExceptionMapper<RetentionRejected> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RetentionRejected rejected) {
        Problem problem = problemFor(rejected);
        return (uri == null ? problem : problem.at(uri.getRequestUri().getPath())).toResponse();
    }

    static Problem problemFor(RetentionRejected rejected) {
        return switch (rejected.reason()) {
            case INVALID -> Problem.of(422, "Unprocessable Content", rejected.getMessage());
            case BELOW_FLOOR -> new Problem("urn:trailkeeper:problem:below-legal-floor", "Below Legal Floor", 422,
                    rejected.getMessage(), null);
            case UNKNOWN -> Problem.of(Response.Status.NOT_FOUND, rejected.getMessage());
            case CONFLICT -> Problem.of(Response.Status.CONFLICT, rejected.getMessage());
        };
    }
}
