package io.trailkeeper.residency.boundary;

import io.trailkeeper.residency.control.ResidencyCatalog;
import io.trailkeeper.residency.control.ResidencyCatalogReader;
import jakarta.enterprise.context.ApplicationScoped;

/** The catalogs shipped with this build, read and validated once (a bad catalog fails the deployment). */
@ApplicationScoped
public class ResidencyCatalogs {

    private ResidencyCatalog shipped;

    public synchronized ResidencyCatalog current() {
        if (shipped == null) {
            shipped = ResidencyCatalogReader.shipped();
        }
        return shipped;
    }
}
