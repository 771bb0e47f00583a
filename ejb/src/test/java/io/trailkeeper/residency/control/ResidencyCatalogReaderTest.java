package io.trailkeeper.residency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.residency.entity.CatalogRejected;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A catalog that cannot be trusted is refused whole, with every problem named by file and line. */
class ResidencyCatalogReaderTest {

    private static final String HEAD = "# catalog-version: t.1\n# catalog-date: 2026-12-08\n";
    private static final String STATUS = HEAD + "country,name,class,decision,decided,expires,source,checked,note\n"
            + "DE,Germany,EEA,member,,,https://example.org/,2026-12-08,\n";
    private static final String REGIONS_HEADER = HEAD
            + "provider,code,display_name,country,city,partition,source,checked,note\n";
    private static final String ENDPOINTS = HEAD + "provider,code,basis,follows,country,source,checked,note\n";

    @Test
    void theMalformedTestCatalogIsRejectedWithEveryBadLineNamed() {
        CatalogRejected rejected = assertThrows(CatalogRejected.class,
                () -> ResidencyCatalogReader.fromClasspath("/residency-malformed/"));
        List<String> problems = rejected.problems();
        assertTrue(problems.contains("regions.csv:5: expected 9 fields, found 10"), problems::toString);
        assertTrue(problems.contains("regions.csv:6: duplicate code 'eu-central-1' for aws"), problems::toString);
        assertTrue(problems.contains("regions.csv:7: unknown country 'XX' (ISO 3166-1 alpha-2, upper case)"),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("regions.csv:8: checked '08/12/2026'")),
                problems::toString);
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void aWellFormedSmallCatalogIsRead() {
        ResidencyCatalog catalog = read(REGIONS_HEADER
                + "azure,westeurope,West Europe,NL,x,AzureCloud,https://example.org/,2026-12-08,\n", ENDPOINTS);
        assertEquals("t.1", catalog.version().id());
        assertEquals(1, catalog.regions().size());
    }

    @Test
    void aDuplicateAzureDisplayNameIsRejected() {
        assertRejected("regions.csv:5: duplicate display name 'westeurope' for azure", REGIONS_HEADER
                + "azure,westeurope,West Europe,NL,x,AzureCloud,https://example.org/,2026-12-08,\n"
                + "azure,westeurope2,west  europe,NL,x,AzureCloud,https://example.org/,2026-12-08,\n", ENDPOINTS);
    }

    @Test
    void aRowWithoutSourceOrCheckDateIsRejected() {
        assertRejected("regions.csv:4: source is empty", REGIONS_HEADER
                + "aws,eu-west-1,Europe (Ireland),IE,Dublin,aws,,2026-12-08,\n", ENDPOINTS);
        assertRejected("regions.csv:4: checked is empty", REGIONS_HEADER
                + "aws,eu-west-1,Europe (Ireland),IE,Dublin,aws,https://example.org/,,\n", ENDPOINTS);
    }

    @Test
    void aLowerCaseOrOddCountryIsUnknown() {
        assertRejected("regions.csv:4: unknown country 'ie' (ISO 3166-1 alpha-2, upper case)", REGIONS_HEADER
                + "aws,eu-west-1,Europe (Ireland),ie,Dublin,aws,https://example.org/,2026-12-08,\n", ENDPOINTS);
    }

    @Test
    void aRegionCodeWithSpacesIsMalformed() {
        assertRejected("regions.csv:4: region code 'eu west 1' is not lower-case letters, digits and dashes",
                REGIONS_HEADER + "aws,eu west 1,Europe (Ireland),IE,Dublin,aws,https://example.org/,2026-12-08,\n",
                ENDPOINTS);
    }

    @Test
    void filesOfDifferentVersionsAreRejected() {
        CatalogRejected rejected = assertThrows(CatalogRejected.class, () -> ResidencyCatalogReader.read(
                new StringReader(REGIONS_HEADER.replace("t.1", "t.2")), new StringReader(ENDPOINTS),
                new StringReader(STATUS)));
        assertTrue(rejected.problems().get(0).startsWith("regions.csv: catalog version t.2"),
                rejected.problems()::toString);
    }

    @Test
    void aFollowingEndpointMustNameACloudOfTheRegionsFile() {
        assertRejected("endpoints.csv:4: FOLLOWS_CLOUD_REGION needs code *, a cloud of regions.csv in follows"
                        + " (not 'oracle') and no country", REGIONS_HEADER,
                ENDPOINTS + "oci-genai,*,FOLLOWS_CLOUD_REGION,oracle,,https://example.org/,2026-12-08,\n");
    }

    @Test
    void aWrongHeaderIsRejected() {
        assertRejected("regions.csv:3: header must be provider,code,display_name,country,city,partition,source,"
                + "checked,note but is provider,code,country", HEAD + "provider,code,country\n", ENDPOINTS);
    }

    private static ResidencyCatalog read(String regions, String endpoints) {
        return ResidencyCatalogReader.read(new StringReader(regions), new StringReader(endpoints),
                new StringReader(STATUS));
    }

    private static void assertRejected(String problem, String regions, String endpoints) {
        CatalogRejected rejected = assertThrows(CatalogRejected.class, () -> read(regions, endpoints));
        assertTrue(rejected.problems().contains(problem), rejected.problems()::toString);
    }
}
