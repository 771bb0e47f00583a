/**
 * Signing of the PDFs Trailkeeper issues, so that an auditor can tell that a report is the one issued
 * and has not changed since. {@link io.trailkeeper.reports.signing.PadesSigner} adds a PAdES
 * baseline-B signature (ETSI.CAdES.detached, CMS from BouncyCastle with the signing-certificate-v2
 * attribute) as an incremental update, which keeps a PDF/A-3b document conformant; the key and chain
 * come from a {@link io.trailkeeper.reports.signing.SigningCredential}, normally a key store entry from
 * configuration, or from {@link io.trailkeeper.reports.signing.DevelopmentCertificate} where none is
 * configured, in which case the credential is marked development and the report must say so. {@link
 * io.trailkeeper.reports.signing.SignatureVerification} checks signatures again over their byte ranges;
 * trust in a certificate is left to the reader.
 */
package io.trailkeeper.reports.signing;
