package io.trailkeeper.residency.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which edition of the residency catalogs judged something. A catalog update is a new version, so a
 * finding can always say which list of regions and adequacy decisions it was decided on.
 */
public record CatalogVersion(String id, LocalDate date) {

    public CatalogVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a catalog version needs an id");
        }
    }

    @Override
    public String toString() {
        return id + " (" + date + ")";
    }
}
