package io.trailkeeper.residency.entity;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a data subject lives, as an officer's rule or a mapped trail attribute says: the EU/EEA as a
 * whole ("subjects of support-prod-eu are EU/EEA residents"), one country, or unknown. Unknown is a
 * value of its own so that it can be reported as a finding, never silently allowed (issue 14).
 *
 * @param country ISO 3166-1 alpha-2 code for {@link Scope#COUNTRY}, else null
 * @param basis   why the subject is placed there (the rule or attribute), or why it is unknown
 */
public record SubjectJurisdiction(Scope scope, String country, String basis) {

    public enum Scope { EEA, COUNTRY, UNKNOWN }

    public SubjectJurisdiction {
        Objects.requireNonNull(scope, "scope");
        if (scope == Scope.COUNTRY) {
            Objects.requireNonNull(country, "country");
            country = country.trim().toUpperCase(Locale.ROOT);
        } else {
            country = null;
        }
    }

    public static SubjectJurisdiction eea(String basis) {
        return new SubjectJurisdiction(Scope.EEA, null, basis);
    }

    public static SubjectJurisdiction country(String isoCode, String basis) {
        return new SubjectJurisdiction(Scope.COUNTRY, isoCode, basis);
    }

    public static SubjectJurisdiction unknown(String why) {
        return new SubjectJurisdiction(Scope.UNKNOWN, null, why);
    }

    public boolean isUnknown() {
        return scope == Scope.UNKNOWN;
    }

    @Override
    public String toString() {
        return scope == Scope.COUNTRY ? country : scope.name();
    }
}
