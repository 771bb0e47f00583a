package io.trailkeeper.integrity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A signed statement of the log's size and root at a moment, chained to the previous one. */
@Entity
@Table(name = "trail_checkpoint")
public class Checkpoint {

    @Id
    @Column(name = "tree_size")
    private long treeSize;

    @Column(name = "root_hash", nullable = false, updatable = false)
    private byte[] rootHash;

    @Column(name = "sealed_at", nullable = false, updatable = false)
    private Instant sealedAt;

    @Column(name = "previous_hash", updatable = false)
    private byte[] previousHash;

    @Column(nullable = false, updatable = false)
    private byte[] signature;

    /** The tree's complete subtree roots (see MerkleAccumulator#subtreeRoots); not signed, checked against the root before use. */
    @Column(name = "subtree_roots", updatable = false)
    private byte[] subtreeRoots;

    protected Checkpoint() {
        // for JPA
    }

    public Checkpoint(long treeSize, byte[] rootHash, Instant sealedAt, byte[] previousHash, byte[] signature) {
        this.treeSize = treeSize;
        this.rootHash = rootHash.clone();
        this.sealedAt = sealedAt;
        this.previousHash = previousHash == null ? null : previousHash.clone();
        this.signature = signature.clone();
    }

    /** A checkpoint that also keeps its tree's complete subtree roots, from which the next seal goes on. */
    public Checkpoint(long treeSize, byte[] rootHash, Instant sealedAt, byte[] previousHash, byte[] signature, byte[] subtreeRoots) {
        this(treeSize, rootHash, sealedAt, previousHash, signature);
        this.subtreeRoots = subtreeRoots.clone();
    }

    public long treeSize() { return treeSize; }
    public byte[] rootHash() { return rootHash.clone(); }
    public Instant sealedAt() { return sealedAt; }
    public byte[] previousHash() { return previousHash == null ? null : previousHash.clone(); }
    public byte[] signature() { return signature.clone(); }
    public Optional<byte[]> subtreeRoots() { return Optional.ofNullable(subtreeRoots).map(byte[]::clone); }
}
