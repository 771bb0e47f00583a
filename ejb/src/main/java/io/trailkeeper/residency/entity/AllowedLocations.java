package io.trailkeeper.residency.entity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a policy lets data be, by jurisdiction class (EEA, adequate, conditional, other) and/or an
 * explicit list of ISO 3166-1 countries. A location is allowed if either admits it.
 */
public record AllowedLocations(Set<JurisdictionClass> classes, Set<String> countries) {

    public AllowedLocations {
        classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
        TreeSet<String> upper = new TreeSet<>();
        countries.forEach(c -> upper.add(c.trim().toUpperCase(Locale.ROOT)));
        countries = Set.copyOf(upper);
    }

    public static AllowedLocations classes(JurisdictionClass... allowed) {
        return new AllowedLocations(Set.of(allowed), Set.of());
    }

    public static AllowedLocations countries(String... isoCodes) {
        return new AllowedLocations(Set.of(), Set.of(isoCodes));
    }

    public boolean admits(String country, JurisdictionClass jurisdictionClass) {
        return countries.contains(country) || classes.contains(jurisdictionClass);
    }

    @Override
    public String toString() {
        TreeSet<String> all = new TreeSet<>();
        classes.forEach(c -> all.add(c.name()));
        all.addAll(countries);
        return all.toString();
    }
}
