package io.trailkeeper.reports.evidence;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

import io.trailkeeper.reports.signing.PadesSigner;
import io.trailkeeper.reports.signing.PadesSigner.SignatureDetails;
import io.trailkeeper.reports.signing.SigningCredential;

/**
 * Issues an evidence report as the product hands it out: rendered and then signed with one credential.
 *
 * <p>The title page states who signs and whether the certificate is a development one before the
 * signature exists, so the issuer refuses a report whose {@link EvidenceReport.Signer} is not the
 * credential it signs with: a title page must never claim a signer, or hide a development certificate,
 * that the signature contradicts.
 */
public final class EvidenceIssuer {

    private final SigningCredential credential;
    private final Clock clock;
    private final EvidenceReportPdf renderer = new EvidenceReportPdf();

    public EvidenceIssuer(SigningCredential credential, Clock clock) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signer a report must name to be issued with {@code credential}. */
    public static EvidenceReport.Signer signerOf(SigningCredential credential) {
        return new EvidenceReport.Signer(credential.subject(), credential.development());
    }

    /** The signed PDF/A-3b of {@code report}, claiming the clock's time as signing time. */
    public byte[] issue(EvidenceReport report) throws IOException {
        EvidenceReport.Signer expected = signerOf(credential);
        if (!expected.equals(report.signer())) {
            throw new IllegalArgumentException("The report names signer " + report.signer()
                    + " but is signed with " + expected);
        }
        byte[] unsigned = renderer.render(report);
        return new PadesSigner(credential).sign(unsigned, new SignatureDetails("Trailkeeper",
                report.title() + " for " + report.organisation() + ", " + EvidenceReportPdf.period(report),
                "Trailkeeper", clock.instant()));
    }
}
