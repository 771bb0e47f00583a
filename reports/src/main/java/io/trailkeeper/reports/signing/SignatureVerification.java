package io.trailkeeper.reports.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the signatures of a PDF the way an auditor's tool does: the CMS signature over the byte range
 * the signature dictionary names, whether that range is the whole file but the signature itself, and
 * whether the signing-certificate-v2 attribute names the certificate that signed. It says nothing
 * about trust in the certificate; that is the reader's decision (a development certificate is never
 * trusted).
 */
public final class SignatureVerification {

    /**
     * One signature's findings.
     *
     * @param signer             subject of the signing certificate, or null if the CMS names none
     * @param signingTime        the claimed signing time (/M), or null
     * @param subFilter          e.g. "ETSI.CAdES.detached"
     * @param valid              the signature verifies over the signed bytes
     * @param coversWholeFile    the signed bytes are the whole file except the signature value
     * @param certificateBound   a signing-certificate-v2 attribute holds the signer certificate's SHA-256
     */
    public record VerifiedSignature(String signer, Instant signingTime, String subFilter, boolean valid,
                                    boolean coversWholeFile, boolean certificateBound) {
    }

    private SignatureVerification() {
    }

    public static List<VerifiedSignature> verify(byte[] pdf) throws IOException {
        List<VerifiedSignature> results = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                results.add(verify(signature, pdf));
            }
        }
        return results;
    }

    private static VerifiedSignature verify(PDSignature signature, byte[] pdf) throws IOException {
        int[] range = signature.getByteRange();
        boolean whole = range.length == 4 && range[0] == 0 && range[1] < range[2]
                && (long) range[2] + range[3] == pdf.length;
        Instant time = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String signer = null;
        boolean valid = false;
        boolean bound = false;
        try {
            CMSSignedData cms = cmsOf(signature, pdf);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() == 1) {
                SignerInformation info = signers.iterator().next();
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
                if (!matches.isEmpty()) {
                    X509Certificate certificate = new JcaX509CertificateConverter()
                            .getCertificate(matches.iterator().next());
                    signer = certificate.getSubjectX500Principal().getName();
                    valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
                    bound = namesCertificate(info, certificate);
                }
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            // A digest mismatch or a malformed CMS is the finding "not valid", not an error of the check.
            valid = false;
        }
        return new VerifiedSignature(signer, time, signature.getSubFilter(), valid, whole, bound);
    }

    /**
     * The CMS of {@code signature} with the bytes it signs. The /Contents string is padded with zeros up
     * to its reserved size; BouncyCastle rejects data after the CMS, so only the DER object is parsed.
     */
    public static CMSSignedData cmsOf(PDSignature signature, byte[] pdf) throws IOException, CMSException {
        byte[] contents = signature.getContents();
        return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                Arrays.copyOf(contents, derLength(contents)));
    }

    private static int derLength(byte[] der) throws IOException {
        if (der.length < 2) {
            throw new IOException("No CMS in the signature");
        }
        int first = der[1] & 0xFF;
        if (first < 0x80) {
            return Math.min(der.length, 2 + first);
        }
        int octets = first & 0x7F;
        if (octets == 0 || octets > 4 || der.length < 2 + octets) {
            throw new IOException("Not a definite-length DER object");
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[2 + i] & 0xFF);
        }
        long total = 2L + octets + length;
        if (total > der.length) {
            throw new IOException("The CMS is longer than the signature's contents");
        }
        return (int) total;
    }

    private static boolean namesCertificate(SignerInformation info, X509Certificate certificate)
            throws GeneralSecurityException {
        if (info.getSignedAttributes() == null) {
            return false;
        }
        Attribute attribute = info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        SigningCertificateV2 value = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
        byte[] expected = CadesSignature.essCertId(certificate).getCertHash();
        return Arrays.equals(expected, value.getCerts()[0].getCertHash());
    }
}
