package io.trailkeeper.residency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.residency.entity.CatalogRegion;
import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.LocationBasis;
import io.trailkeeper.residency.entity.RegionLocation;
import io.trailkeeper.residency.entity.RegionLookup;
import io.trailkeeper.residency.entity.TransferStatus;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an officer checks in the catalogs Trailkeeper ships: version, coverage, and the places themselves. */
class ShippedCatalogTest {

    private static final ResidencyCatalog CATALOG = ResidencyCatalogReader.shipped();

    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    @Test
    void theCatalogVersionIsReported() {
        assertEquals("2026-12-08.1", CATALOG.version().id());
        assertEquals(LocalDate.of(2026, 12, 8), CATALOG.version().date());
        RegionLocation frankfurt = located("aws", "eu-central-1");
        assertEquals("2026-12-08.1", frankfurt.catalogVersion());
    }

    /** Known (cloud, region, country) pairs for every EU/EEA member where a cloud has a region there. */
    @ParameterizedTest(name = "{0} {1} is in {2}")
    @CsvSource({
            "aws,eu-central-1,DE", "aws,eu-west-1,IE", "aws,eu-west-3,FR", "aws,eu-south-1,IT", "aws,eu-south-2,ES",
            "aws,eu-north-1,SE", "aws,eusc-de-east-1,DE",
            "gcp,europe-west1,BE", "gcp,europe-west3,DE", "gcp,europe-west4,NL", "gcp,europe-west8,IT",
            "gcp,europe-west9,FR", "gcp,europe-west10,DE", "gcp,europe-west12,IT", "gcp,europe-north1,FI",
            "gcp,europe-north2,SE", "gcp,europe-central2,PL", "gcp,europe-southwest1,ES",
            "azure,westeurope,NL", "azure,northeurope,IE", "azure,swedencentral,SE", "azure,francecentral,FR",
            "azure,germanywestcentral,DE", "azure,italynorth,IT", "azure,polandcentral,PL", "azure,spaincentral,ES",
            "azure,norwayeast,NO",
    })
    void euAndEeaRegionsLieWhereTheProviderSays(String provider, String code, String country) {
        RegionLocation location = located(provider, code);
        assertEquals(country, location.country());
        assertEquals(JurisdictionClass.EEA, location.jurisdictionClass());
    }

    @ParameterizedTest(name = "{0} {1} is in {2} ({3})")
    @CsvSource({
            "aws,us-east-1,US,CONDITIONAL", "aws,us-gov-west-1,US,CONDITIONAL", "aws,cn-north-1,CN,OTHER",
            "aws,eu-west-2,GB,ADEQUATE", "aws,eu-central-2,CH,ADEQUATE", "aws,il-central-1,IL,ADEQUATE",
            "aws,me-central-1,AE,OTHER", "aws,ca-central-1,CA,ADEQUATE", "aws,ap-northeast-1,JP,ADEQUATE",
            "aws,ap-northeast-2,KR,ADEQUATE", "aws,ap-south-1,IN,OTHER", "aws,ap-southeast-1,SG,OTHER",
            "aws,ap-southeast-2,AU,OTHER", "aws,sa-east-1,BR,OTHER", "aws,af-south-1,ZA,OTHER",
            "gcp,me-west1,IL,ADEQUATE", "gcp,europe-west2,GB,ADEQUATE", "gcp,europe-west6,CH,ADEQUATE",
            "gcp,us-central1,US,CONDITIONAL", "gcp,northamerica-northeast1,CA,ADEQUATE", "gcp,asia-northeast3,KR,ADEQUATE",
            "azure,uksouth,GB,ADEQUATE", "azure,switzerlandnorth,CH,ADEQUATE", "azure,israelcentral,IL,ADEQUATE",
            "azure,uaenorth,AE,OTHER", "azure,eastus,US,CONDITIONAL", "azure,usgovvirginia,US,CONDITIONAL",
            "azure,chinanorth3,CN,OTHER", "azure,japaneast,JP,ADEQUATE", "azure,southafricanorth,ZA,OTHER",
    })
    void thirdCountryRegionsCarryTheirTransferClass(String provider, String code, String country, JurisdictionClass cls) {
        RegionLocation location = located(provider, code);
        assertEquals(country, location.country());
        assertEquals(cls, location.jurisdictionClass());
    }

    @Test
    void everyRequiredCountryHasARegionInEachCloudThatHasOneThere() {
        Set<String> required = Set.of("GB", "CH", "US", "CA", "JP", "KR", "IN", "SG", "AU", "BR", "ZA", "AE", "IL");
        for (String cloud : Set.of("aws", "azure")) {
            assertTrue(countriesOf(cloud).containsAll(required), () -> cloud + " lacks " + missing(required, cloud));
        }
        // Google Cloud has no region in the UAE (me-central1 is Doha, QA): all others must be there.
        Set<String> gcp = new TreeSet<>(required);
        gcp.remove("AE");
        assertTrue(countriesOf("gcp").containsAll(gcp), () -> "gcp lacks " + missing(gcp, "gcp"));
        assertEquals("QA", located("gcp", "me-central1").country());
    }

    @Test
    void euAndEeaMembersWithRegionsAreExactlyThese() {
        Set<String> withRegions = CATALOG.regions().stream().map(CatalogRegion::country)
                .filter(EEA::contains).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("BE", "DE", "ES", "FI", "FR", "IE", "IT", "NL", "NO", "PL", "SE")), withRegions);
    }

    @Test
    void everyEeaMemberIsClassedEeaAndTheAdequacyDecisionsAreDated() {
        for (String member : EEA) {
            assertEquals(JurisdictionClass.EEA, CATALOG.transferStatus(member).jurisdictionClass(), member);
        }
        for (String adequate : Set.of("AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY")) {
            TransferStatus status = CATALOG.transferStatus(adequate);
            assertEquals(JurisdictionClass.ADEQUATE, status.jurisdictionClass(), adequate);
            assertTrue(status.decided() != null, adequate + " has a decision date");
        }
        TransferStatus uk = CATALOG.transferStatus("GB");
        assertEquals(LocalDate.of(2031, 12, 27), uk.expires());
        assertTrue(uk.decision().contains("renewed by the Commission on 19 December 2025"), uk.decision());
        TransferStatus us = CATALOG.transferStatus("US");
        assertEquals(JurisdictionClass.CONDITIONAL, us.jurisdictionClass());
        assertEquals(LocalDate.of(2023, 7, 10), us.decided());
        assertEquals(JurisdictionClass.OTHER, CATALOG.transferStatus("VN").jurisdictionClass(), "unlisted is OTHER");
        assertEquals(JurisdictionClass.OTHER, CATALOG.transferStatus("GB").classOn(LocalDate.of(2032, 1, 1)));
    }

    @ParameterizedTest(name = "\"{0}\" is azure {1}")
    @CsvSource({"West Europe,westeurope", "north europe,northeurope", "Sweden Central,swedencentral",
            "East US 2,eastus2", "  Germany   West Central ,germanywestcentral", "WESTEUROPE,westeurope"})
    void azureDisplayNamesResolve(String displayName, String code) {
        assertEquals(located("azure", code).country(), located("azure", displayName).country());
        assertInstanceOf(RegionLookup.Located.class, CATALOG.locate(displayName), "also without the provider");
    }

    @Test
    void codesAreCaseInsensitiveAndModelProvidersFollowTheirCloud() {
        assertEquals("DE", located("AWS", "EU-CENTRAL-1").country());
        RegionLocation azureOpenAi = located("azure-openai", "swedencentral");
        assertEquals("SE", azureOpenAi.country());
        assertEquals(LocationBasis.FOLLOWS_CLOUD_REGION, azureOpenAi.basis());
        assertEquals("NL", located("vertex-ai", "europe-west4").country());
        assertEquals("US", located("bedrock", "us-east-1").country());
        assertEquals("EU", located("openai", "eu.api.openai.com").country());
        RegionLocation openAi = located("openai", "api.openai.com");
        assertEquals("US", openAi.country());
        assertEquals(LocationBasis.PROVIDER_STATED, openAi.basis());
        assertEquals("US", located("anthropic", "api.anthropic.com").country());
    }

    @Test
    void unknownCodesAndAmbiguousCodesAreExplicitlyUnknown() {
        RegionLookup.Unknown mars = assertInstanceOf(RegionLookup.Unknown.class, CATALOG.locate("aws", "mars-north-1"));
        assertEquals("2026-12-08.1", mars.catalogVersion());
        assertInstanceOf(RegionLookup.Unknown.class, CATALOG.locate("mars-north-1"));
        assertInstanceOf(RegionLookup.Unknown.class, CATALOG.locate("vertex-ai", "global"));
        assertInstanceOf(RegionLookup.Unknown.class, CATALOG.locate("oracle", "eu-frankfurt-1"));
        RegionLookup.Unknown us = assertInstanceOf(RegionLookup.Unknown.class, CATALOG.locate("us"));
        assertNull(us.provider());
        assertTrue(us.reason().contains("ambiguous"), us.reason());
        assertEquals("ES", assertInstanceOf(RegionLookup.Located.class, CATALOG.locate("eu-south-2")).location().country());
    }

    private static RegionLocation located(String provider, String code) {
        return assertInstanceOf(RegionLookup.Located.class, CATALOG.locate(provider, code),
                () -> provider + " " + code + " should be in the catalog").location();
    }

    private static Set<String> countriesOf(String cloud) {
        return CATALOG.regions().stream().filter(r -> r.provider().equals(cloud)).map(CatalogRegion::country)
                .collect(Collectors.toSet());
    }

    private static Set<String> missing(Set<String> required, String cloud) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(countriesOf(cloud));
        return missing;
    }
}
