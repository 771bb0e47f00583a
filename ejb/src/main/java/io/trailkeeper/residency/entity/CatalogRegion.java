package io.trailkeeper.residency.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the regions catalog: a cloud region code (and Azure's display name) in an ISO 3166-1
 * alpha-2 country, with the source it was taken from and the date it was checked.
 *
 * @param partition the provider's partition or cloud ({@code aws-us-gov}, {@code aws-cn},
 *                  {@code aws-eusc}, {@code AzureChinaCloud}, ...): who operates it
 */
public record CatalogRegion(String provider, String code, String displayName, String country, String city,
                            String partition, String source, LocalDate checked, String note) {

    public CatalogRegion {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(country, "country");
    }
}
