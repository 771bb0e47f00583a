package io.trailkeeper.reports.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import io.trailkeeper.reports.signing.PadesSigner.SignatureDetails;
import io.trailkeeper.reports.signing.SignatureVerification.VerifiedSignature;

/** A configured key comes from a PKCS#12 key store entry, as an operator would provide it. */
class SigningCredentialTest {

    private static final Instant NOW = Instant.parse("2026-04-02T09:00:00Z");
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void aKeyStoreEntrySignsAndTheCallerDecidesWhetherItIsDevelopment() throws Exception {
        SigningCredential generated = DevelopmentCertificate.create("Acme Evidence Signing", NOW, Duration.ofDays(30));
        KeyStore store = pkcs12With(generated);

        SigningCredential configured = SigningCredential.fromKeyStore(store, "evidence", PASSWORD, false);

        assertFalse(configured.development());
        assertEquals(generated.certificate(), configured.certificate());
        assertTrue(configured.subject().startsWith("CN=Acme Evidence Signing"), configured.subject());
        byte[] signed = new PadesSigner(configured).sign(blankPdf(),
                new SignatureDetails("Acme", "test", "here", NOW));
        VerifiedSignature signature = SignatureVerification.verify(signed).get(0);
        assertTrue(signature.valid() && signature.coversWholeFile() && signature.certificateBound(), signature.toString());
    }

    @Test
    void aDevelopmentCertificateSaysSoInItsSubjectAndIsMarked() throws Exception {
        SigningCredential credential = DevelopmentCertificate.create("Trailkeeper development", NOW, Duration.ofDays(1));
        assertTrue(credential.development());
        assertTrue(credential.subject().contains("OU=" + DevelopmentCertificate.ORGANISATIONAL_UNIT), credential.subject());
        credential.certificate().checkValidity(java.util.Date.from(NOW));
        credential.certificate().verify(credential.certificate().getPublicKey());
    }

    @Test
    void anEntryWithoutAPrivateKeyIsRefused() throws Exception {
        SigningCredential generated = DevelopmentCertificate.create("x", NOW, Duration.ofDays(1));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("trusted", generated.certificate());
        assertThrows(GeneralSecurityException.class,
                () -> SigningCredential.fromKeyStore(store, "trusted", PASSWORD, false));
        assertThrows(IllegalArgumentException.class, () -> new SigningCredential(generated.privateKey(), List.of(), false));
    }

    private static KeyStore pkcs12With(SigningCredential credential) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("evidence", credential.privateKey(), PASSWORD,
                credential.chain().toArray(new Certificate[0]));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        store.store(file, PASSWORD);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        loaded.load(new ByteArrayInputStream(file.toByteArray()), PASSWORD);
        return loaded;
    }

    private static byte[] blankPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
