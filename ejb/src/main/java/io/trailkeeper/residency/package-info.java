/**
 * Residency: where each record of the trail was stored and processed, judged against where its data
 * subject's personal data may go (GDPR Chapter V, Art. 44–49; SOC 2 C1.1/CC6.7). It ships versioned
 * catalogs as data ({@code resources/residency/}: cloud regions and model-provider endpoints to ISO 3166-1
 * countries, and the EU transfer status of each country: EEA, adequacy decision, conditional on the
 * EU–US Data Privacy Framework, or other), reads and validates them ({@code control.ResidencyCatalogReader}),
 * answers where a region code lies ({@code control.ResidencyCatalog}, an unknown code being an explicit
 * UNKNOWN) and decides, as pure logic, whether a storage region and a processing location pass an
 * officer's {@code entity.ResidencyPolicy} for a subject's jurisdiction, pass only on a recipient's
 * recorded transfer mechanism, or are a finding, naming the rule, its citation and the catalog version
 * that judged it ({@code control.ResidencyJudge}). Tables, the residency job, REST and the page build on it.
 */
package io.trailkeeper.residency;
