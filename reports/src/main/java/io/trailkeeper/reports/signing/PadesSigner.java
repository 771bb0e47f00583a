package io.trailkeeper.reports.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Signs a finished PDF with a PAdES baseline-B signature (SubFilter ETSI.CAdES.detached).
 *
 * <p>The signature is appended as an incremental update: the bytes of the original document, and with
 * them its PDF/A-3b conformance and embedded data, stay exactly as they were, and the signature covers
 * the whole file except its own value. Any later change to a covered byte makes it invalid.
 */
public final class PadesSigner {

    public static final COSName SUB_FILTER = COSName.getPDFName("ETSI.CAdES.detached");

    /** Room for the CMS besides its certificates: signature value, attributes and structure. */
    private static final int SIGNATURE_OVERHEAD = 8192;

    private final SigningCredential credential;

    public PadesSigner(SigningCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    /**
     * What the signature dictionary says besides the signature.
     *
     * @param signingTime the claimed signing time (/M); PAdES keeps it out of the CMS
     */
    public record SignatureDetails(String name, String reason, String location, Instant signingTime) {
        public SignatureDetails {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(signingTime, "signingTime");
        }
    }

    /** Returns {@code pdf} followed by an incremental update holding the signature. */
    public byte[] sign(byte[] pdf, SignatureDetails details) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(SUB_FILTER);
            signature.setName(details.name());
            signature.setReason(details.reason());
            signature.setLocation(details.location());
            signature.setSignDate(GregorianCalendar.from(details.signingTime().atZone(ZoneOffset.UTC)));
            options.setPreferredSignatureSize(SIGNATURE_OVERHEAD + certificateBytes());
            document.addSignature(signature, new CadesSignature(credential), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * options.getPreferredSignatureSize());
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private int certificateBytes() throws IOException {
        int total = 0;
        for (X509Certificate certificate : credential.chain()) {
            try {
                total += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IOException("Cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
        return total;
    }
}
