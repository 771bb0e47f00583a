package io.trailkeeper.web.residency;

import io.trailkeeper.residency.entity.ResidencyRejected;
import io.trailkeeper.web.platform.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused residency request as problem+json: 422 broken rules (each named), 404 unknown, 409 conflicting state. */
@Provider
public class ResidencyProblems implements ExceptionMapper<ResidencyRejected> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ResidencyRejected rejected) {
        Problem problem = switch (rejected.reason()) {
            case INVALID -> Problem.of(422, "Unprocessable Content", rejected.getMessage());
            case UNKNOWN -> Problem.of(Response.Status.NOT_FOUND, rejected.getMessage());
            case CONFLICT -> Problem.of(Response.Status.CONFLICT, rejected.getMessage());
        };
        return (uri == null ? problem : problem.at(uri.getRequestUri().getPath())).toResponse();
    }
}
