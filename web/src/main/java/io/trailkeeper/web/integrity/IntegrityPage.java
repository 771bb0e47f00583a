package io.trailkeeper.web.integrity;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.integrity.boundary.CheckpointKeys;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.integrity.entity.Checkpoint;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The integrity page: the latest signed checkpoint, sealing one now (officers and administrators, as
 * {@code POST /api/integrity/checkpoints}), verifying the trail or a range of it against the log, and the
 * public key an auditor needs to check signatures without trusting the server (SOC 2 CC7.2).
 */
@Named
@ViewScoped
public class IntegrityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TrailLog log;

    @EJB
    CheckpointKeys keys;

    private LatestCheckpoint latest;
    private VerificationSummary verification;
    private Long from;
    private Long to;

    /** What the page shows of a checkpoint; a plain class because EL reads properties, not record components. */
    public static final class LatestCheckpoint implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long treeSize;
        private final String rootHash;
        private final Instant sealedAt;
        private final boolean signatureValid;

        LatestCheckpoint(long treeSize, String rootHash, Instant sealedAt, boolean signatureValid) {
            this.treeSize = treeSize;
            this.rootHash = rootHash;
            this.sealedAt = sealedAt;
            this.signatureValid = signatureValid;
        }

        public long getTreeSize() { return treeSize; }
        public String getRootHash() { return rootHash; }
        public Instant getSealedAt() { return sealedAt; }
        public boolean isSignatureValid() { return signatureValid; }
    }

    @PostConstruct
    void init() {
        loadLatest();
    }

    private void loadLatest() {
        latest = log.latest().map(this::view).orElse(null);
    }

    private LatestCheckpoint view(Checkpoint c) {
        return new LatestCheckpoint(c.treeSize(), HexFormat.of().formatHex(c.rootHash()), c.sealedAt(), log.signatureValid(c));
    }

    public void seal() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!canSeal()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only compliance officers and administrators seal checkpoints.", null));
            return;
        }
        long before = latest == null ? -1 : latest.getTreeSize();
        Checkpoint sealed = log.seal();
        loadLatest();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, sealed.treeSize() == before
                ? "Nothing was added since the latest checkpoint; it still covers " + before + " leaves."
                : "Sealed a checkpoint covering " + sealed.treeSize() + " leaves of the log.", null));
    }

    public void verify() {
        try {
            if (from == null && to == null) {
                verification = VerificationSummary.of(log.verify(), null);
            } else {
                TrailLog.RangeVerification range = log.verify(from, to);
                verification = VerificationSummary.of(range.report(), range.from() == range.to()
                        ? "no events (an empty range)"
                        : "the events at leaf indexes " + range.from() + " to " + (range.to() - 1));
            }
        } catch (IllegalArgumentException e) {
            verification = null;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public boolean canSeal() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.COMPLIANCE_OFFICER_NAME) || external.isUserInRole(Role.ADMIN_NAME);
    }

    public String getPublicKey() {
        return Base64.getEncoder().encodeToString(keys.verification().getEncoded());
    }

    public LatestCheckpoint getLatest() { return latest; }
    public VerificationSummary getVerification() { return verification; }
    public Long getFrom() { return from; }
    public void setFrom(Long from) { this.from = from; }
    public Long getTo() { return to; }
    public void setTo(Long to) { this.to = to; }
}
