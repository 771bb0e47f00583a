package io.trailkeeper.source.boundary;

import io.trailkeeper.source.control.SourceRules;
import io.trailkeeper.source.control.WatchedDirectory;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourceDefinition;
import io.trailkeeper.source.entity.SourcePull;
import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.source.entity.SourceSettings;
import io.trailkeeper.source.entity.WatchedFile;
import io.trailkeeper.trail.entity.AuditSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The configured sources: add and edit their settings, what each holds, the pulls that ran, files already imported. */
@Stateless
public class SourceCatalog {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SourceConfinement confinement;

    public List<ConfiguredSource> list() {
        List<AuditSource> sources = em.createQuery("SELECT s FROM AuditSource s ORDER BY s.name", AuditSource.class).getResultList();
        Map<UUID, SourceSettings> settings = new HashMap<>();
        em.createQuery("SELECT s FROM SourceSettings s", SourceSettings.class).getResultList().forEach(s -> settings.put(s.sourceId(), s));
        Map<UUID, Long> events = counts("SELECT e.source.id, COUNT(e) FROM AuditEvent e GROUP BY e.source.id");
        Map<UUID, Long> open = counts("SELECT q.source.id, COUNT(q) FROM QuarantinedRecord q WHERE q.resolvedAt IS NULL GROUP BY q.source.id");
        return sources.stream().map(s -> view(s, settings.get(s.id()), events.getOrDefault(s.id(), 0L), open.getOrDefault(s.id(), 0L))).toList();
    }

    public Optional<ConfiguredSource> find(UUID id) {
        AuditSource source = em.find(AuditSource.class, id);
        if (source == null) {
            return Optional.empty();
        }
        long events = em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.source.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        long open = em.createQuery("SELECT COUNT(q) FROM QuarantinedRecord q WHERE q.source.id = :id AND q.resolvedAt IS NULL", Long.class)
                .setParameter("id", id).getSingleResult();
        return Optional.of(view(source, em.find(SourceSettings.class, id), events, open));
    }

    /**
     * A source's settings for pulling it, WITHOUT its counts (left 0, as in {@link #scheduledSources()}):
     * counting scans the source's events, and pulls and their status are asked for on every schedule
     * tick and page refresh. {@link #find} gives the counts for display.
     */
    public ConfiguredSource require(UUID id) {
        AuditSource source = em.find(AuditSource.class, id);
        if (source == null) {
            throw new SourceRejected(SourceRejected.Reason.UNKNOWN, "no source with id " + id);
        }
        return view(source, em.find(SourceSettings.class, id), 0, 0);
    }

    public ConfiguredSource add(SourceDefinition asked, String by) {
        SourceDefinition valid = confinement.rules().validate(asked);
        boolean taken = !em.createNamedQuery(AuditSource.BY_NAME, AuditSource.class).setParameter("name", valid.name())
                .getResultList().isEmpty();
        if (taken) {
            throw new SourceRejected(SourceRejected.Reason.NAME_TAKEN, "a source named '" + valid.name() + "' already exists");
        }
        Instant now = clock.instant();
        AuditSource source = new AuditSource(valid.name(), valid.kind(), valid.description(), now);
        em.persist(source);
        SourceSettings settings = new SourceSettings(source.id());
        settings.apply(valid, now, by);
        em.persist(settings);
        em.flush(); // a concurrent add of the same name fails here, on the unique name
        return view(source, settings, 0, 0);
    }

    /** Changes description and pulling settings. Name and kind stay as created: events and links refer to them. */
    public ConfiguredSource edit(UUID id, SourceDefinition asked, String by) {
        AuditSource source = em.find(AuditSource.class, id);
        if (source == null) {
            throw new SourceRejected(SourceRejected.Reason.UNKNOWN, "no source with id " + id);
        }
        if (asked.name() != null && !asked.name().strip().equals(source.name())
                || asked.kind() != null && asked.kind() != source.kind()) {
            throw new SourceRejected(SourceRejected.Reason.INVALID,
                    "name and kind cannot change once events refer to them; add a new source instead");
        }
        SourceDefinition valid = confinement.rules().validate(new SourceDefinition(source.name(), source.kind(), asked.description(),
                asked.enabled(), asked.watchedDirectory(), asked.pollIntervalSeconds(), asked.baseUrl(),
                asked.publicKeyProperty(), asked.secretKeyProperty(), asked.pageSize()));
        source.describe(valid.description());
        SourceSettings settings = em.find(SourceSettings.class, id);
        if (settings == null) {
            settings = new SourceSettings(id);
            em.persist(settings);
        }
        settings.apply(valid, clock.instant(), by);
        return find(id).orElseThrow();
    }

    /** The most recent pulls of a source, newest first. */
    public List<SourcePull> pulls(UUID sourceId, int max) {
        return em.createQuery("SELECT p FROM SourcePull p WHERE p.sourceId = :id ORDER BY p.startedAt DESC, p.jobExecutionId DESC",
                        SourcePull.class)
                .setParameter("id", sourceId).setMaxResults(max).getResultList();
    }

    /** When the source was last pulled for one of these reasons, if ever. */
    public Optional<Instant> lastPulledAt(UUID sourceId, Set<PullTrigger> triggers) {
        // Not MAX(p.startedAt): EclipseLink hands an aggregate's raw JDBC value (a java.sql.Timestamp on
        // PostgreSQL) to the Instant converter, which then fails; the newest row's attribute converts as mapped.
        return em.createQuery("SELECT p.startedAt FROM SourcePull p WHERE p.sourceId = :id"
                        + " AND p.trigger IN :triggers ORDER BY p.startedAt DESC", Instant.class)
                .setParameter("id", sourceId).setParameter("triggers", triggers)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Enabled sources that have something to pull (a watched directory, or Langfuse), for the schedule.
     * Without counts: the schedule runs every minute and needs none.
     */
    public List<ConfiguredSource> scheduledSources() {
        List<SourceSettings> enabled = em.createQuery("SELECT s FROM SourceSettings s WHERE s.enabled = TRUE", SourceSettings.class)
                .getResultList();
        return enabled.stream()
                .map(s -> view(em.find(AuditSource.class, s.sourceId()), s, 0, 0))
                .filter(ConfiguredSource::pullable)
                .toList();
    }

    /**
     * The recorded import of this file as it is now. Path, size and last-modified equal to a recorded
     * one count as the same file without reading it again; otherwise the content decides
     * ({@link #importedContent}).
     */
    public Optional<WatchedFile> importedAsIs(UUID sourceId, WatchedDirectory.Candidate file) {
        return em.createQuery("SELECT f FROM WatchedFile f WHERE f.sourceId = :id AND f.path = :path AND f.sizeBytes = :size"
                        + " AND f.modifiedAt = :modified ORDER BY f.seenAt DESC", WatchedFile.class)
                .setParameter("id", sourceId).setParameter("path", file.path().toString())
                .setParameter("size", file.size()).setParameter("modified", file.modifiedAt())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The recorded import of a file at this path with this content (only its last-modified time changed since). */
    public Optional<WatchedFile> importedContent(UUID sourceId, WatchedDirectory.Candidate file, String sha256) {
        return em.createQuery("SELECT f FROM WatchedFile f WHERE f.sourceId = :id AND f.path = :path AND f.sizeBytes = :size"
                        + " AND f.sha256 = :sha AND f.jobExecutionId IS NOT NULL ORDER BY f.seenAt DESC", WatchedFile.class)
                .setParameter("id", sourceId).setParameter("path", file.path().toString())
                .setParameter("size", file.size()).setParameter("sha", sha256)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** @param jobExecutionId the import that read it (for an unchanged content: the import that read it before) */
    public void recordFile(UUID sourceId, WatchedDirectory.Candidate file, String sha256, Long jobExecutionId) {
        em.persist(new WatchedFile(sourceId, file.path().toString(), file.size(), file.modifiedAt(), sha256, jobExecutionId,
                clock.instant()));
    }

    private Map<UUID, Long> counts(String query) {
        Map<UUID, Long> counts = new HashMap<>();
        em.createQuery(query, Object[].class).getResultList().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }

    private static ConfiguredSource view(AuditSource source, SourceSettings settings, long events, long open) {
        Objects.requireNonNull(source, "source");
        if (settings == null) {
            return new ConfiguredSource(source.id(), source.name(), source.kind(), source.description(), source.createdAt(),
                    false, true, null, SourceRules.DEFAULT_POLL_SECONDS, null, null, null, null, events, open);
        }
        return new ConfiguredSource(source.id(), source.name(), source.kind(), source.description(), source.createdAt(),
                true, settings.enabled(), settings.watchedDirectory(), settings.pollIntervalSeconds(), settings.baseUrl(),
                settings.publicKeyProperty(), settings.secretKeyProperty(), settings.pageSize(), events, open);
    }
}
