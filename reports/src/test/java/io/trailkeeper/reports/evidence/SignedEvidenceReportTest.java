package io.trailkeeper.reports.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.trailkeeper.reports.pdf.AssociatedFiles;
import io.trailkeeper.reports.pdf.PdfAValidation;
import io.trailkeeper.reports.pdf.PdfText;
import io.trailkeeper.reports.signing.DevelopmentCertificate;
import io.trailkeeper.reports.signing.PadesSigner;
import io.trailkeeper.reports.signing.PadesSigner.SignatureDetails;
import io.trailkeeper.reports.signing.SignatureVerification;
import io.trailkeeper.reports.signing.SignatureVerification.VerifiedSignature;
import io.trailkeeper.reports.signing.SigningCredential;

/**
 * A signed evidence report as an auditor receives it: still PDF/A-3b, signed over every byte but the
 * signature, broken by any change, accepted by an independent tool (poppler's pdfsig), and honest on
 * its title page about a development certificate.
 */
class SignedEvidenceReportTest {

    private static final String PDFSIG = "/usr/bin/pdfsig";
    private static final Instant SIGNED_AT = Instant.parse("2026-04-02T09:31:00Z");

    private static SigningCredential credential;
    private static byte[] unsigned;
    private static byte[] signed;
    private static byte[] issued;

    @BeforeAll
    static void renderAndSign() throws Exception {
        credential = DevelopmentCertificate.create("Trailkeeper development", SIGNED_AT, Duration.ofDays(365));
        EvidenceReport base = EvidenceFixtures.report(true);
        EvidenceReport report = withSigner(base, EvidenceIssuer.signerOf(credential));
        unsigned = new EvidenceReportPdf().render(report);
        signed = new PadesSigner(credential).sign(unsigned,
                new SignatureDetails("Trailkeeper", "SOC 2 evidence report issued", "Trailkeeper", SIGNED_AT));
        issued = new EvidenceIssuer(credential, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).issue(report);
    }

    @Test
    void theIssuerSignsWhatItRendersAtTheClocksTime() throws Exception {
        VerifiedSignature signature = SignatureVerification.verify(issued).get(0);
        assertTrue(signature.valid() && signature.coversWholeFile() && signature.certificateBound(), signature.toString());
        assertEquals(SIGNED_AT, signature.signingTime());
        assertTrue(PdfText.of(issued).page(1).contains(TitlePage.DEVELOPMENT_NOTICE_HEADING));
    }

    private static EvidenceReport withSigner(EvidenceReport base, EvidenceReport.Signer signer) {
        return new EvidenceReport(base.title(), base.organisation(), base.framework(), base.period(),
                base.scope(), base.generatedAt(), base.generatedBy(), base.checkpoint(), signer, base.sections());
    }

    @Test
    void aReportNamingAnotherSignerOrHidingTheDevelopmentCertificateIsNotIssued() {
        EvidenceIssuer issuer = new EvidenceIssuer(credential, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        EvidenceReport hidden = withSigner(EvidenceFixtures.report(false),
                new EvidenceReport.Signer(credential.subject(), false));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(hidden));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(EvidenceFixtures.report(true)));
    }

    @Test
    void theSignedFileIsStillPdfA3b() throws Exception {
        PdfAValidation.assertPdfA3b(signed);
    }

    @Test
    void signingAppendsAnIncrementalUpdateAndKeepsTheEmbeddedData() throws Exception {
        assertArrayEquals(unsigned, Arrays.copyOf(signed, unsigned.length), "the original bytes stay as they were");
        try (PDDocument before = Loader.loadPDF(unsigned); PDDocument after = Loader.loadPDF(signed)) {
            assertEquals(AssociatedFiles.read(before), AssociatedFiles.read(after));
        }
    }

    @Test
    void theSignatureIsValidOverTheWholeFileAndBoundToItsCertificate() throws Exception {
        List<VerifiedSignature> signatures = SignatureVerification.verify(signed);
        assertEquals(1, signatures.size());
        VerifiedSignature signature = signatures.get(0);
        assertTrue(signature.valid(), "valid");
        assertTrue(signature.coversWholeFile(), "covers the whole file");
        assertTrue(signature.certificateBound(), "signing-certificate-v2 names the signer's certificate");
        assertEquals("ETSI.CAdES.detached", signature.subFilter());
        assertEquals(credential.subject(), signature.signer());
        assertEquals(SIGNED_AT, signature.signingTime());
    }

    @Test
    void theCmsIsPadesBaselineB() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            CMSSignedData cms = SignatureVerification.cmsOf(signature, signed);
            assertTrue(cms.isDetachedSignature(), "detached");
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(credential.certificate())),
                    "BouncyCastle verifies the signed byte range with the signer's certificate");
            assertNotNull(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
            assertNull(signer.getSignedAttributes().get(CMSAttributes.signingTime), "PAdES: time only in /M");
            assertEquals(1, cms.getCertificates().getMatches(null).size(), "the certificate is inside");
        }
    }

    @Test
    void aByteChangedInTheOriginalDocumentAfterSigningInvalidatesTheSignature() throws Exception {
        byte[] tampered = signed.clone();
        // Inside the header's binary comment: the file stays readable, so the finding is the signature's.
        tampered[11] ^= 0x01;
        assertTrue(SignatureVerification.verify(tampered).get(0).coversWholeFile());
        assertFalse(SignatureVerification.verify(tampered).get(0).valid(), "a changed byte must break the signature");
    }

    @Test
    void backdatingTheClaimedSigningTimeInvalidatesTheSignature() throws Exception {
        byte[] tampered = signed.clone();
        int date = indexOf(tampered, "(D:20260402093100".getBytes(StandardCharsets.US_ASCII));
        assertTrue(date > unsigned.length, "the signing time is in the appended update");
        tampered[date + 10] = (byte) '1';
        VerifiedSignature signature = SignatureVerification.verify(tampered).get(0);
        assertEquals(Instant.parse("2026-04-01T09:31:00Z"), signature.signingTime(), "the claimed time was changed");
        assertFalse(signature.valid(), "the signature covers its own dictionary's /M");
    }

    @Test
    void theTitlePageNamesTheDevelopmentCertificate() throws IOException {
        String title = PdfText.of(signed).page(1).replace("\n", " ");
        assertTrue(title.contains(TitlePage.DEVELOPMENT_NOTICE_HEADING), title);
        assertTrue(title.contains("OU=" + DevelopmentCertificate.ORGANISATIONAL_UNIT), title);
    }

    @Test
    void popplersPdfsigReportsTheSignatureValid(@TempDir Path directory) throws Exception {
        if (!Files.isExecutable(Path.of(PDFSIG))) {
            fail(PDFSIG + " is missing: install poppler-utils (apt-get install -y poppler-utils); "
                    + "this check of the signature by an independent implementation must not be skipped");
        }
        Path file = directory.resolve("signed-evidence.pdf");
        Files.write(file, signed);
        Process process = new ProcessBuilder(PDFSIG, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdfsig finished");
        assertTrue(output.contains("Signature is Valid"), output);
        assertTrue(output.contains("ETSI.CAdES.detached"), output);
        assertTrue(output.contains("Total document signed"), output);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
