package io.trailkeeper.platform.boundary;

import jakarta.ejb.Singleton;
import java.util.UUID;

/**
 * This start of the application: a new id each time it is deployed or its server starts. A run
 * recorded as still going by another instance cannot be going any more (its instance is gone), which
 * is how interrupted runs are found whatever deployment started them.
 */
@Singleton
public class ApplicationInstance {

    private final UUID id = UUID.randomUUID();

    public UUID id() {
        return id;
    }
}
