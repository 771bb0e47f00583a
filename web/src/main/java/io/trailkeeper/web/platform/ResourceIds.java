package io.trailkeeper.web.platform;

import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/**
 * The id in an API path. A text that cannot be a UUID names nothing, so the caller gets the same
 * 404 as for an unknown id (not a 400 that would tell ids apart by shape), with one wording for
 * every kind of resource: "no source with id ...".
 */
public final class ResourceIds {

    private ResourceIds() {
    }

    /** The id as a UUID, or the 404 for {@code what} when it is none. */
    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(what, id);
        }
    }

    /** The 404 for an id that names no {@code what}, e.g. {@code notFound("source", id)}. */
    public static NotFoundException notFound(String what, Object id) {
        return new NotFoundException("no " + what + " with id " + id);
    }
}
