package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.RegionLookup;
import io.trailkeeper.residency.entity.TransferMechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Validation of what officers set, each broken rule named (pure: the catalog is passed in). */
public final class SettingChecks {

    private final ResidencyCatalog catalog;
    private final List<String> problems = new ArrayList<>();

    public SettingChecks(ResidencyCatalog catalog) {
        this.catalog = catalog;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Optional text, trimmed; null when blank. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            problems.add(field + " is longer than " + max + " characters");
        }
        return trimmed;
    }

    public String required(String field, String value, int max) {
        String text = text(field, value, max);
        if (text == null) {
            problems.add(field + " is required");
        }
        return text;
    }

    /** {@code EEA}, an ISO 3166-1 country of the catalog, or {@code *} where {@code wildcard}. */
    public String jurisdiction(String field, String value, boolean wildcard) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (code.equals("EEA") || (wildcard && code.equals("*")) || (code.length() == 2 && catalog.isKnownCountry(code))) {
            return code;
        }
        problems.add(field + " must be EEA" + (wildcard ? ", *" : "") + " or an ISO 3166-1 alpha-2 country, not '" + value + "'");
        return null;
    }

    public List<JurisdictionClass> classes(String field, List<String> values) {
        TreeSet<JurisdictionClass> classes = new TreeSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                classes.add(JurisdictionClass.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(field + " holds '" + value + "', not one of EEA, ADEQUATE, CONDITIONAL, OTHER");
            }
        }
        return List.copyOf(classes);
    }

    public List<String> countries(String field, List<String> values) {
        TreeSet<String> countries = new TreeSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value != null && catalog.isKnownCountry(value)) {
                countries.add(value.strip().toUpperCase(Locale.ROOT));
            } else {
                problems.add(field + " holds '" + value + "', not an ISO 3166-1 alpha-2 country");
            }
        }
        return List.copyOf(countries);
    }

    public TransferMechanism.Kind mechanism(String value) {
        if (value == null || value.isBlank()) {
            return TransferMechanism.Kind.NONE;
        }
        try {
            return TransferMechanism.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("mechanism must be one of DPF_CERTIFIED, SCCS, BCRS, ART49_DEROGATION, NONE, not '" + value + "'");
            return null;
        }
    }

    /** A recorded location must be one the catalog can place: an unknown one would be a finding on every event. */
    public void placeable(String provider, String location) {
        if (location == null) {
            if (provider != null) {
                problems.add("location is required with a provider");
            }
            return;
        }
        RegionLookup lookup = provider == null ? catalog.locate(location) : catalog.locate(provider, location);
        if (lookup instanceof RegionLookup.Unknown unknown) {
            problems.add("the catalog cannot place location '" + location + "': " + unknown.reason());
        }
    }

    public void problem(String text) {
        problems.add(text);
    }
}
