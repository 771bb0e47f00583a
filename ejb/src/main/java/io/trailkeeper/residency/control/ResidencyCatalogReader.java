package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.CatalogRegion;
import io.trailkeeper.residency.entity.CatalogRejected;
import io.trailkeeper.residency.entity.CatalogVersion;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.LocationBasis;
import io.trailkeeper.residency.entity.ModelEndpoint;
import io.trailkeeper.residency.entity.TransferStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the three residency catalogs and refuses them whole on the first sign they cannot be trusted: a
 * row with the wrong number of fields, a missing source or check date, a duplicate code, a country that
 * is no ISO 3166-1 alpha-2 code, or files of different catalog versions. A wrong catalog would pass data
 * that left the EU, so nothing is skipped or guessed.
 */
public final class ResidencyCatalogReader {

    public static final String REGIONS = "regions.csv";
    public static final String ENDPOINTS = "endpoints.csv";
    public static final String TRANSFER_STATUS = "transfer-status.csv";

    static final List<String> REGION_COLUMNS = List.of(
            "provider", "code", "display_name", "country", "city", "partition", "source", "checked", "note");
    static final List<String> ENDPOINT_COLUMNS = List.of(
            "provider", "code", "basis", "follows", "country", "source", "checked", "note");
    static final List<String> STATUS_COLUMNS = List.of(
            "country", "name", "class", "decision", "decided", "expires", "source", "checked", "note");

    /** Cloud region codes are lower-case letters, digits and dashes in all three clouds. */
    private static final Pattern REGION_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Java's ISO 3166-1 alpha-2 list, plus "EU" (exceptionally reserved) for "somewhere in the EU". */
    private static final Set<String> COUNTRIES = countries();

    private final List<String> problems = new ArrayList<>();

    private ResidencyCatalogReader() {
    }

    /** The catalogs shipped with Trailkeeper, {@code resources/residency/}. */
    public static ResidencyCatalog shipped() {
        return fromClasspath("/residency/");
    }

    public static ResidencyCatalog fromClasspath(String folder) {
        try (Reader regions = open(folder + REGIONS); Reader endpoints = open(folder + ENDPOINTS);
             Reader statuses = open(folder + TRANSFER_STATUS)) {
            return read(regions, endpoints, statuses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResidencyCatalog read(Reader regions, Reader endpoints, Reader transferStatus) {
        return new ResidencyCatalogReader().readAll(regions, endpoints, transferStatus);
    }

    private ResidencyCatalog readAll(Reader regionSource, Reader endpointSource, Reader statusSource) {
        CatalogFile statusFile = CatalogFile.parse(TRANSFER_STATUS, statusSource, STATUS_COLUMNS, problems);
        CatalogFile regionFile = CatalogFile.parse(REGIONS, regionSource, REGION_COLUMNS, problems);
        CatalogFile endpointFile = CatalogFile.parse(ENDPOINTS, endpointSource, ENDPOINT_COLUMNS, problems);
        for (CatalogFile other : List.of(regionFile, endpointFile)) {
            if (!Objects.equals(other.version, statusFile.version)
                    || !Objects.equals(other.date, statusFile.date)) {
                problems.add(other.name + ": catalog version " + other.version + " (" + other.date + ") differs from "
                        + TRANSFER_STATUS + "'s " + statusFile.version + " (" + statusFile.date
                        + "): a catalog update is a new version of all three files");
            }
        }
        Map<String, TransferStatus> statuses = new LinkedHashMap<>();
        for (CatalogFile.Row row : statusFile.rows) {
            JurisdictionClass jurisdictionClass = enumValue(JurisdictionClass.class, row, "class");
            if (jurisdictionClass == null) {
                continue;
            }
            TransferStatus status = new TransferStatus(country(row, "country"), required(row, "name"),
                    jurisdictionClass, required(row, "decision"),
                    date(row, "decided", false), date(row, "expires", false), source(row), date(row, "checked", true),
                    row.get("note"));
            if (statuses.putIfAbsent(status.country(), status) != null) {
                problems.add(row.where() + ": duplicate country " + status.country());
            }
        }
        List<CatalogRegion> regions = new ArrayList<>();
        Set<String> regionKeys = new HashSet<>();
        for (CatalogFile.Row row : regionFile.rows) {
            CatalogRegion region = new CatalogRegion(required(row, "provider").toLowerCase(Locale.ROOT),
                    regionCode(row), row.get("display_name"), country(row, "country"), row.get("city"),
                    required(row, "partition"), source(row), date(row, "checked", true), row.get("note"));
            unique(row, regionKeys, region.provider(), "code", region.code());
            // A display name ("West Europe") may spell its own code; it must not spell another row's.
            String nameKey = ResidencyCatalog.key(region.displayName());
            if (!region.displayName().isEmpty() && !nameKey.equals(ResidencyCatalog.key(region.code()))) {
                unique(row, regionKeys, region.provider(), "display name", nameKey);
            }
            regions.add(region);
        }
        Set<String> clouds = new HashSet<>();
        regions.forEach(r -> clouds.add(r.provider()));
        List<ModelEndpoint> endpoints = new ArrayList<>();
        Set<String> endpointKeys = new HashSet<>();
        for (CatalogFile.Row row : endpointFile.rows) {
            ModelEndpoint endpoint = endpoint(row, clouds, endpointKeys);
            if (endpoint != null) {
                endpoints.add(endpoint);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogRejected(problems);
        }
        return new ResidencyCatalog(new CatalogVersion(statusFile.version, statusFile.date), regions, endpoints,
                statuses, COUNTRIES);
    }

    private ModelEndpoint endpoint(CatalogFile.Row row, Set<String> clouds, Set<String> keys) {
        String provider = required(row, "provider").toLowerCase(Locale.ROOT);
        String code = required(row, "code").toLowerCase(Locale.ROOT);
        LocationBasis basis = enumValue(LocationBasis.class, row, "basis");
        String follows = row.get("follows").toLowerCase(Locale.ROOT);
        String country = null;
        if (clouds.contains(provider)) {
            problems.add(row.where() + ": provider " + provider + " is a cloud of " + REGIONS + "; use another id");
        }
        if (basis == LocationBasis.FOLLOWS_CLOUD_REGION) {
            if (!code.equals(ModelEndpoint.ANY_REGION) || !clouds.contains(follows) || !row.get("country").isEmpty()) {
                problems.add(row.where() + ": FOLLOWS_CLOUD_REGION needs code *, a cloud of " + REGIONS
                        + " in follows (not '" + follows + "') and no country");
            }
        } else if (basis == null) {
            return null;
        } else {
            country = country(row, "country");
            if (code.equals(ModelEndpoint.ANY_REGION) || !follows.isEmpty()) {
                problems.add(row.where() + ": only FOLLOWS_CLOUD_REGION rows may use code * or follows");
            }
        }
        unique(row, keys, provider, "code", code);
        return new ModelEndpoint(provider, code, basis, follows.isEmpty() ? null : follows, country, source(row),
                date(row, "checked", true), row.get("note"));
    }

    private void unique(CatalogFile.Row row, Set<String> seen, String provider, String what, String value) {
        if (!seen.add(provider + "\u0000" + value)) {
            problems.add(row.where() + ": duplicate " + what + " '" + value + "' for " + provider);
        }
    }

    private String required(CatalogFile.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            problems.add(row.where() + ": " + column + " is empty");
        }
        return value;
    }

    private String regionCode(CatalogFile.Row row) {
        String code = required(row, "code");
        if (!code.isEmpty() && !REGION_CODE.matcher(code).matches()) {
            problems.add(row.where() + ": region code '" + code + "' is not lower-case letters, digits and dashes");
        }
        return code;
    }

    private String country(CatalogFile.Row row, String column) {
        String code = required(row, column);
        if (!code.isEmpty() && !COUNTRIES.contains(code)) {
            problems.add(row.where() + ": unknown country '" + code + "' (ISO 3166-1 alpha-2, upper case)");
        }
        return code;
    }

    /** Every row names where it was taken from, so an auditor can follow it. */
    private String source(CatalogFile.Row row) {
        String source = required(row, "source");
        if (!source.isEmpty() && !source.startsWith("https://")) {
            problems.add(row.where() + ": source must be an https:// address, not '" + source + "'");
        }
        return source;
    }

    private LocalDate date(CatalogFile.Row row, String column, boolean needed) {
        String text = needed ? required(row, column) : row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(row.where() + ": " + column + " '" + text + "' is not an ISO date (yyyy-mm-dd)");
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, CatalogFile.Row row, String column) {
        String text = required(row, column);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(row.where() + ": " + column + " '" + text + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static Reader open(String resource) {
        InputStream in = ResidencyCatalogReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new CatalogRejected(List.of(resource + ": not on the class path"));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("EU");
        return Set.copyOf(codes);
    }
}
