package io.trailkeeper.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A data key of one subject (or of unattributed content), stored only wrapped by the master key.
 * Destroying it erases the wrapped key for good; the row stays as the record that it existed and when
 * it was destroyed.
 */
@Entity
@Table(name = "subject_key")
public class SubjectKey {

    /** Owner of the key that protects content with no identified subject. */
    public static final String UNATTRIBUTED = "unattributed";

    @Id
    private UUID id;

    @Column(name = "owner", nullable = false, length = 64, updatable = false)
    private String owner;

    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    protected SubjectKey() {
        // for JPA
    }

    public SubjectKey(UUID id, String owner, byte[] wrappedKey, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public void destroy(Instant now) {
        if (destroyedAt == null) {
            wrappedKey = null;
            destroyedAt = now;
        }
    }

    public UUID id() { return id; }
    public String owner() { return owner; }
    public byte[] wrappedKey() { return wrappedKey == null ? null : wrappedKey.clone(); }
    public Instant createdAt() { return createdAt; }
    public Instant destroyedAt() { return destroyedAt; }
    public boolean destroyed() { return destroyedAt != null; }
}
