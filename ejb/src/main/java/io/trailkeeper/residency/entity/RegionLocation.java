package io.trailkeeper.residency.entity;

import java.util.Objects;

/**
 * Where a region code lies, as the catalog of {@code catalogVersion} says: the ISO 3166-1 country and its
 * class under GDPR Chapter V.
 *
 * @param provider the provider asked about (e.g. {@code azure-openai} even when located by an Azure region)
 */
public record RegionLocation(String provider, String code, String country, JurisdictionClass jurisdictionClass,
                             LocationBasis basis, String catalogVersion) {

    public RegionLocation {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(jurisdictionClass, "jurisdictionClass");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(catalogVersion, "catalogVersion");
    }
}
