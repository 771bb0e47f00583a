package io.trailkeeper.residency.boundary;

import io.trailkeeper.residency.control.ResidencyCatalog;
import io.trailkeeper.residency.control.ResidencyCatalogReader;
import io.trailkeeper.residency.entity.CatalogRegion;
import io.trailkeeper.residency.entity.CatalogVersion;
import io.trailkeeper.residency.entity.ModelEndpoint;
import io.trailkeeper.residency.entity.RegionLookup;
import io.trailkeeper.residency.entity.TransferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** The catalogs shipped with this build, read and validated once (a bad catalog fails the deployment). */
@ApplicationScoped
public class ResidencyCatalogs {

    private ResidencyCatalog shipped;

    /** For this component's boundaries; other components and modules use the methods below. */
    public synchronized ResidencyCatalog current() {
        if (shipped == null) {
            shipped = ResidencyCatalogReader.shipped();
        }
        return shipped;
    }

    public CatalogVersion version() {
        return current().version();
    }

    public List<CatalogRegion> regions() {
        return current().regions();
    }

    public List<ModelEndpoint> endpoints() {
        return current().endpoints();
    }

    public Collection<TransferStatus> transferStatuses() {
        return current().transferStatuses();
    }

    /** Where a provider's region or endpoint code lies, or why it is unknown (an unknown code is a finding, never a pass). */
    public RegionLookup locate(String provider, String code) {
        return provider == null || provider.isBlank() ? current().locate(code) : current().locate(provider, code);
    }
}
