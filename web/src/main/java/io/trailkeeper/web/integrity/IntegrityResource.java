package io.trailkeeper.web.integrity;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.integrity.boundary.CheckpointKeys;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.integrity.control.CappedIndexes;
import io.trailkeeper.integrity.control.VerificationReport;
import io.trailkeeper.integrity.entity.Checkpoint;
import io.trailkeeper.web.platform.ResourceIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tamper-evident log: checkpoints, verification and the public key. */
@Path("integrity")
@RequestScoped
@RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrity")
public class IntegrityResource {

    public record CheckpointView(long treeSize, String rootHash, Instant sealedAt, String previousCheckpointHash,
                                 String signature, boolean signatureValid) {
    }

    public record Indexes(long count, List<Long> first) {
        static Indexes of(CappedIndexes indexes) {
            return new Indexes(indexes.count(), indexes.first());
        }
    }

    public record CheckpointCheck(long treeSize, String status) {
    }

    /**
     * A verification's outcome. {@code from} and {@code to} (exclusive) are the leaf indexes whose rows
     * were compared; both are absent when the whole log was verified. {@code deletionsAccountedFor} counts
     * the compared events whose rows are gone because the log records their deletion (retention or erasure).
     */
    public record Verification(boolean ok, long checkedSize, Long firstMismatch, Indexes changed, Indexes missing,
                               long deletionsAccountedFor, Indexes unexpected, Indexes recordedGaps,
                               List<CheckpointCheck> checkpoints, Long from, Long to) {

        public static Verification of(VerificationReport report, Long from, Long to) {
            return new Verification(report.ok(), report.checkedSize(),
                    report.firstMismatch().isPresent() ? report.firstMismatch().getAsLong() : null,
                    Indexes.of(report.changed()), Indexes.of(report.missing()), report.deletionsAccountedFor(),
                    Indexes.of(report.unexpected()), Indexes.of(report.recordedGaps()),
                    report.checkpoints().stream().map(c -> new CheckpointCheck(c.sealed().treeSize(), c.status().name())).toList(),
                    from, to);
        }
    }

    @EJB
    TrailLog log;

    @EJB
    CheckpointKeys keys;

    @POST
    @Path("checkpoints")
    @RolesAllowed({Role.COMPLIANCE_OFFICER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Seal a signed checkpoint of the log as it is now (returns the latest if nothing was added)")
    public CheckpointView seal() {
        return view(log.seal());
    }

    @GET
    @Path("checkpoints/latest")
    @Operation(summary = "The latest signed checkpoint")
    public CheckpointView latest() {
        return log.latest().map(this::view).orElseThrow(() -> new NotFoundException("no checkpoint has been sealed yet"));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the whole trail, or a range of it, against the log and its checkpoints",
            description = "Recomputes every event's leaf from its row, and every recorded deletion's leaf from its ground, requester "
                    + "and deleted leaf; reports changed rows and altered deletion records (by leaf index), rows missing "
                    + "from the trail without a recorded deletion (missing), rows the log never recorded or whose deletion it "
                    + "records (unexpected), holes in the log's own leaf table (recordedGaps), and whether each checkpoint's "
                    + "root still matches. Events deleted by retention (GDPR Art. 5(1)(e)) or erasure (GDPR Art. 17) are "
                    + "leaves of the log themselves: their rows count in deletionsAccountedFor, not as missing, and checkedSize "
                    + "counts the deletion leaves too. "
                    + "With from and/or to (0-based leaf indexes, to exclusive, 0 <= from <= to <= log size) only the rows "
                    + "at those indexes are compared; every checkpoint of size up to 'to' is still checked (recomputed from "
                    + "the start of the log), while later checkpoints and rows the log never recorded are reported only "
                    + "when the range reaches the end of the log. Leaf indexes follow the order events were stored in; "
                    + "an event's index is in its inclusion proof.")
    public Verification verify(
            @QueryParam("from") @Parameter(description = "first leaf index to compare (inclusive); 0 when absent") Long from,
            @QueryParam("to") @Parameter(description = "leaf index to stop before (exclusive); the log's size when absent") Long to) {
        if (from == null && to == null) {
            return Verification.of(log.verify(), null, null);
        }
        TrailLog.RangeVerification range = log.verify(from, to);
        return Verification.of(range.report(), range.from(), range.to());
    }

    public record InclusionView(String eventId, long leafIndex, long treeSize, String leafHash, List<String> path, String rootHash) {
    }

    public record ConsistencyView(long oldSize, long newSize, String oldRootHash, String newRootHash, List<String> proof) {
    }

    @GET
    @Path("events/{id}/inclusion-proof")
    @Operation(summary = "Audit path of an event to a checkpoint's root (hex SHA-256 hashes, RFC 6962)",
            description = "treeSize names a sealed checkpoint; without it the latest is used.")
    public InclusionView inclusion(@PathParam("id") String id, @QueryParam("treeSize") Long treeSize) {
        UUID eventId = ResourceIds.parse(id, "event");
        TrailLog.Inclusion proof = log.inclusion(eventId, treeSize)
                .orElseThrow(() -> new NotFoundException("no checkpoint covers event " + id + " yet; seal one first"));
        return new InclusionView(id, proof.leafIndex(), proof.treeSize(), hex(proof.leafHash()),
                proof.path().stream().map(IntegrityResource::hex).toList(), hex(proof.root()));
    }

    @GET
    @Path("consistency-proof")
    @Operation(summary = "Proof that the checkpoint of size 'to' only appended to the one of size 'from' (RFC 6962)")
    public ConsistencyView consistency(@QueryParam("from") long from, @QueryParam("to") long to) {
        TrailLog.Consistency proof = log.consistency(from, to)
                .orElseThrow(() -> new NotFoundException("both sizes must be sealed checkpoints, 'from' not after 'to'"));
        return new ConsistencyView(proof.oldSize(), proof.newSize(), hex(proof.oldRoot()), hex(proof.newRoot()),
                proof.proof().stream().map(IntegrityResource::hex).toList());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @GET
    @Path("public-key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The Ed25519 public key of checkpoint signatures (X.509 DER, Base64)")
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.verification().getEncoded());
    }

    private CheckpointView view(Checkpoint c) {
        return new CheckpointView(c.treeSize(), HexFormat.of().formatHex(c.rootHash()), c.sealedAt(),
                c.previousHash() == null ? null : HexFormat.of().formatHex(c.previousHash()),
                Base64.getEncoder().encodeToString(c.signature()), log.signatureValid(c));
    }
}
