package io.trailkeeper.source.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** How one audit source is pulled. Holds the names of credential properties, never credentials. */
@Entity
@Table(name = "source_settings")
public class SourceSettings {

    @Id
    @Column(name = "source_id")
    private UUID sourceId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "watched_directory", length = 1000)
    private String watchedDirectory;

    @Column(name = "poll_interval_seconds", nullable = false)
    private int pollIntervalSeconds;

    @Column(name = "base_url", length = 500)
    private String baseUrl;

    @Column(name = "public_key_property", length = 200)
    private String publicKeyProperty;

    @Column(name = "secret_key_property", length = 200)
    private String secretKeyProperty;

    @Column(name = "page_size")
    private Integer pageSize;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    protected SourceSettings() {
        // for JPA
    }

    public SourceSettings(UUID sourceId) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    }

    /** Takes the pulling settings of an already validated definition. */
    public void apply(SourceDefinition valid, Instant at, String by) {
        this.enabled = valid.enabled();
        this.watchedDirectory = valid.watchedDirectory();
        this.pollIntervalSeconds = valid.pollIntervalSeconds();
        this.baseUrl = valid.baseUrl();
        this.publicKeyProperty = valid.publicKeyProperty();
        this.secretKeyProperty = valid.secretKeyProperty();
        this.pageSize = valid.pageSize();
        this.updatedAt = Objects.requireNonNull(at, "at");
        this.updatedBy = by;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public boolean enabled() {
        return enabled;
    }

    public String watchedDirectory() {
        return watchedDirectory;
    }

    public int pollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String publicKeyProperty() {
        return publicKeyProperty;
    }

    public String secretKeyProperty() {
        return secretKeyProperty;
    }

    public Integer pageSize() {
        return pageSize;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
