package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.CatalogRegion;
import io.trailkeeper.residency.entity.CatalogVersion;
import io.trailkeeper.residency.entity.LocationBasis;
import io.trailkeeper.residency.entity.ModelEndpoint;
import io.trailkeeper.residency.entity.RegionLocation;
import io.trailkeeper.residency.entity.RegionLookup;
import io.trailkeeper.residency.entity.TransferStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One validated version of the residency catalogs, immutable, answering where a region code or endpoint
 * lies. Codes and Azure display names are matched case-insensitively and with spaces collapsed, since
 * trails write {@code westeurope}, {@code WestEurope} and {@code West Europe} alike. A code the catalog
 * cannot place is an explicit {@link RegionLookup.Unknown}, never a default country.
 */
public final class ResidencyCatalog {

    private final CatalogVersion version;
    private final List<CatalogRegion> regions;
    private final List<ModelEndpoint> endpoints;
    private final Map<String, TransferStatus> statuses;
    private final Set<String> countries;
    /** provider → (code or display name key → region). */
    private final Map<String, Map<String, CatalogRegion>> regionIndex = new HashMap<>();
    /** provider → (code key → endpoint row, "*" for the row following a cloud). */
    private final Map<String, Map<String, ModelEndpoint>> endpointIndex = new HashMap<>();

    ResidencyCatalog(CatalogVersion version, List<CatalogRegion> regions, List<ModelEndpoint> endpoints,
                     Map<String, TransferStatus> statuses, Set<String> countries) {
        this.version = version;
        this.regions = List.copyOf(regions);
        this.endpoints = List.copyOf(endpoints);
        this.statuses = Map.copyOf(statuses);
        this.countries = Set.copyOf(countries);
        for (CatalogRegion region : regions) {
            Map<String, CatalogRegion> byKey = regionIndex.computeIfAbsent(region.provider(), p -> new HashMap<>());
            byKey.put(key(region.code()), region);
            if (region.displayName() != null && !region.displayName().isEmpty()) {
                byKey.putIfAbsent(key(region.displayName()), region);
            }
        }
        for (ModelEndpoint endpoint : endpoints) {
            endpointIndex.computeIfAbsent(endpoint.provider(), p -> new HashMap<>()).put(key(endpoint.code()), endpoint);
        }
    }

    /** How codes are compared: trimmed, lower case, inner whitespace collapsed to nothing. */
    static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    public CatalogVersion version() {
        return version;
    }

    public List<CatalogRegion> regions() {
        return regions;
    }

    public List<ModelEndpoint> endpoints() {
        return endpoints;
    }

    public Collection<TransferStatus> transferStatuses() {
        return statuses.values();
    }

    /** The country's transfer status; a country without a row has no adequacy decision (OTHER). */
    public TransferStatus transferStatus(String country) {
        String code = country.trim().toUpperCase(Locale.ROOT);
        TransferStatus status = statuses.get(code);
        return status != null ? status : TransferStatus.unlisted(code);
    }

    public boolean isKnownCountry(String country) {
        return country != null && countries.contains(country.trim().toUpperCase(Locale.ROOT));
    }

    /** Where {@code code} of {@code provider} lies (a cloud region, or a model provider's endpoint). */
    public RegionLookup locate(String provider, String code) {
        if (provider == null || provider.isBlank()) {
            return locate(code);
        }
        if (code == null || code.isBlank()) {
            return unknown(provider, code, "no region or endpoint recorded");
        }
        String p = key(provider);
        Map<String, CatalogRegion> cloud = regionIndex.get(p);
        if (cloud != null) {
            CatalogRegion region = cloud.get(key(code));
            return region == null
                    ? unknown(p, code, "not a " + p + " region in catalog " + version.id())
                    : located(p, code, region.country(), LocationBasis.CLOUD_REGION);
        }
        Map<String, ModelEndpoint> provided = endpointIndex.get(p);
        if (provided == null) {
            return unknown(p, code, "provider '" + p + "' is not in catalog " + version.id());
        }
        ModelEndpoint endpoint = provided.get(key(code));
        if (endpoint != null) {
            return located(p, code, endpoint.country(), endpoint.basis());
        }
        ModelEndpoint follows = provided.get(ModelEndpoint.ANY_REGION);
        if (follows != null && locate(follows.follows(), code) instanceof RegionLookup.Located inCloud) {
            return located(p, code, inCloud.location().country(), LocationBasis.FOLLOWS_CLOUD_REGION);
        }
        return unknown(p, code, "not an endpoint of " + p + (follows == null ? "" : " nor a "
                + follows.follows() + " region") + " in catalog " + version.id());
    }

    /**
     * Where {@code code} lies when the trail does not say whose it is: found only if exactly one provider
     * uses it (cloud regions, Azure display names, endpoints). A code several providers use stays unknown.
     */
    public RegionLookup locate(String code) {
        if (code == null || code.isBlank()) {
            return unknown(null, code, "no region or endpoint recorded");
        }
        List<RegionLookup.Located> matches = new ArrayList<>();
        Set<String> providers = new TreeSet<>();
        regionIndex.forEach((provider, byKey) -> {
            if (byKey.containsKey(key(code)) && locate(provider, code) instanceof RegionLookup.Located hit) {
                matches.add(hit);
                providers.add(provider);
            }
        });
        endpointIndex.forEach((provider, byKey) -> {
            if (!key(code).equals(ModelEndpoint.ANY_REGION) && byKey.containsKey(key(code))
                    && locate(provider, code) instanceof RegionLookup.Located hit) {
                matches.add(hit);
                providers.add(provider);
            }
        });
        if (matches.size() == 1) {
            return matches.get(0);
        }
        return unknown(null, code, matches.isEmpty()
                ? "not in catalog " + version.id()
                : "ambiguous without a provider: used by " + String.join(", ", providers));
    }

    private RegionLookup located(String provider, String code, String country, LocationBasis basis) {
        return new RegionLookup.Located(new RegionLocation(provider, code.trim(), country,
                transferStatus(country).jurisdictionClass(), basis, version.id()));
    }

    private RegionLookup unknown(String provider, String code, String reason) {
        return new RegionLookup.Unknown(provider, code, reason, version.id());
    }
}
