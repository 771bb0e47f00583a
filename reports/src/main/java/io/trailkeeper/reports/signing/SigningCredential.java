package io.trailkeeper.reports.signing;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The key a PDF is signed with and its certificate chain (signer first). {@code development} is the
 * caller's statement that the certificate is a self-signed development one, so that what is issued with
 * it can say so (see {@code EvidenceReport.Signer}); nothing here guesses it from the certificate.
 */
public record SigningCredential(PrivateKey privateKey, List<X509Certificate> chain, boolean development) {

    public SigningCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A signing credential needs at least its own certificate");
        }
    }

    /**
     * Reads the private key entry {@code alias} of {@code keyStore} (e.g. a PKCS#12 file named in
     * configuration, its password from a password alias).
     */
    public static SigningCredential fromKeyStore(KeyStore keyStore, String alias, char[] password,
                                                 boolean development) throws GeneralSecurityException {
        // Asked first: getEntry with a password throws an unchecked exception for certificate-only entries.
        if (!keyStore.isKeyEntry(alias) || !(keyStore.getEntry(alias, new KeyStore.PasswordProtection(password))
                instanceof KeyStore.PrivateKeyEntry entry)) {
            throw new GeneralSecurityException("Key store entry " + alias + " is not a private key with certificates");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : entry.getCertificateChain()) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new GeneralSecurityException("Key store entry " + alias + " holds a non-X.509 certificate");
            }
            chain.add(x509);
        }
        return new SigningCredential(entry.getPrivateKey(), chain, development);
    }

    /** The signer's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's distinguished name, as a title page shows it, e.g. "CN=Acme Evidence Signing,O=Acme". */
    public String subject() {
        return certificate().getSubjectX500Principal().getName();
    }
}
