package io.trailkeeper.web.source;

import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.web.platform.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a refused source request into problem+json with the status that says what to do next. */
@Provider
public class SourceProblems implements ExceptionMapper<SourceRejected> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(SourceRejected rejected) {
        Problem problem = problemFor(rejected);
        return (uri == null ? problem : problem.at(uri.getRequestUri().getPath())).toResponse();
    }

    static Problem problemFor(SourceRejected rejected) {
        return switch (rejected.reason()) {
            case INVALID -> Problem.of(422, "Unprocessable Content", rejected.getMessage());
            case NAME_TAKEN, PULL_RUNNING -> Problem.of(Response.Status.CONFLICT, rejected.getMessage());
            case UNKNOWN -> Problem.of(Response.Status.NOT_FOUND, rejected.getMessage());
            case PULL_UNAVAILABLE -> Problem.of(Response.Status.SERVICE_UNAVAILABLE, rejected.getMessage());
        };
    }
}
