package io.trailkeeper.reports.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed certificate for development and the embedded default, so PDFs are signed (and
 * their integrity checkable) even before an organisation configures its own key. Anyone can make such
 * a certificate, so it proves nothing about who signed: the credential it returns is marked
 * development, and reports signed with it say so on their title page.
 */
public final class DevelopmentCertificate {

    /** Named in the subject so that the certificate itself also tells what it is. */
    public static final String ORGANISATIONAL_UNIT = "DEVELOPMENT ONLY - not for audit evidence";

    private static final int RSA_BITS = 3072;

    private DevelopmentCertificate() {
    }

    /** A new RSA key pair and a certificate for {@code commonName}, valid from {@code now} for {@code validity}. */
    public static SigningCredential create(String commonName, Instant now, Duration validity)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(RSA_BITS, new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        // Most significant first in the encoding, so the usual RFC 2253 text reads "CN=…,OU=…,O=…".
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Trailkeeper")
                .addRDN(BCStyle.OU, ORGANISATIONAL_UNIT)
                .addRDN(BCStyle.CN, commonName)
                .build();
        BigInteger serial = new BigInteger(128, new SecureRandom());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new SigningCredential(keys.getPrivate(), List.of(certificate), true);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot create the development certificate", e);
        }
    }
}
