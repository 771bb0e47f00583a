package io.trailkeeper.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks PDFs with veraPDF, the reference PDF/A validator, using its own PDF parser (independent of
 * PDFBox, so a PDFBox bug cannot hide itself). Shared by the tests of every report.
 */
public final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidation() {
    }

    /**
     * Asserts that {@code pdf} declares PDF/A-2b in its XMP metadata and passes every PDF/A-2b rule;
     * the failure message lists each failed rule with its clause, description and first location.
     */
    public static void assertPdfA2b(byte[] pdf) throws Exception {
        assertCompliant(pdf, PDFAFlavour.PDFA_2_B);
    }

    /** As {@link #assertPdfA2b(byte[])}, for PDF/A-3b (the level that allows embedded data files). */
    public static void assertPdfA3b(byte[] pdf) throws Exception {
        assertCompliant(pdf, PDFAFlavour.PDFA_3_B);
    }

    private static void assertCompliant(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (VeraPDFFoundry foundry = Foundries.defaultInstance();
             PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf))) {
            assertEquals(flavour, parser.getFlavour(),
                    "flavour declared by the XMP pdfaid part/conformance");
            try (PDFAValidator validator = foundry.createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                assertTrue(result.isCompliant(),
                        () -> "Not " + flavour + " compliant:\n" + describeFailures(result));
            }
        }
    }

    private static String describeFailures(ValidationResult result) {
        Map<String, String> firstByRule = new TreeMap<>();
        Map<String, Long> countByRule = result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .peek(a -> firstByRule.putIfAbsent(ruleName(a), a.getMessage() + " at "
                        + (a.getLocation() == null ? "?" : a.getLocation().getContext())
                        + (a.getErrorMessage() == null ? "" : " (" + a.getErrorMessage() + ")")))
                .collect(Collectors.groupingBy(PdfAValidation::ruleName, TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder();
        countByRule.forEach((rule, count) -> out.append("  ").append(rule).append(" x").append(count)
                .append(": ").append(firstByRule.get(rule)).append('\n'));
        return out.toString();
    }

    private static String ruleName(TestAssertion assertion) {
        return assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
    }
}
