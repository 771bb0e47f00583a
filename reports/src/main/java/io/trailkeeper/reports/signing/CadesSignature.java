package io.trailkeeper.reports.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The detached CMS signature PAdES baseline B asks for (ETSI EN 319 142-1): SHA-256, the signer's
 * certificate chain inside, a signing-certificate-v2 attribute that binds the signature to that exact
 * certificate (so it cannot be swapped for another one with the same key), and no signing-time
 * attribute, because PAdES takes the claimed signing time from the signature dictionary's /M instead.
 */
final class CadesSignature implements SignatureInterface {

    private final SigningCredential credential;

    CadesSignature(SigningCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    @Override
    public byte[] sign(InputStream content) throws IOException {
        try {
            X509Certificate certificate = credential.certificate();
            AttributeTable signingCertificate = new AttributeTable(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(certificate)}))));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(signingCertificate);
            CMSAttributeTableGenerator withoutSigningTime =
                    parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);

            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new JcaContentSignerBuilder(algorithm()).build(credential.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(credential.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("Cannot create the CMS signature", e);
        }
    }

    private String algorithm() {
        return switch (credential.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("Unsupported key type " + credential.privateKey().getAlgorithm());
        };
    }

    static ESSCertIDv2 essCertId(X509Certificate certificate)
            throws CertificateEncodingException, GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        // Without an algorithm identifier ESSCertIDv2 means SHA-256, the hash computed above.
        return new ESSCertIDv2(hash, issuerSerial);
    }
}
