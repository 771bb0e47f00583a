package io.trailkeeper.web.source;

import io.trailkeeper.access.entity.Role;
import io.trailkeeper.jobs.source.PullStarted;
import io.trailkeeper.jobs.source.SourcePulls;
import io.trailkeeper.source.boundary.SourceCatalog;
import io.trailkeeper.source.boundary.SourceCheck;
import io.trailkeeper.source.boundary.SourceConfinement;
import io.trailkeeper.source.control.SourceRules;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourceDefinition;
import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.source.entity.SourceTestResult;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The officers' sources page: every source with its last pull, counts and open quarantine; a form to
 * add or edit one; Test and Pull now with their result. Auditors see the list only.
 */
@Named
@ViewScoped
public class SourcesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SourceCatalog catalog;

    @EJB
    SourceCheck check;

    @EJB
    SourcePulls pulls;

    @Inject
    SourceConfinement confinement;

    private List<SourceView> sources;
    private UUID editing;
    private String name;
    private String kind = SourceKind.JSONL_FILE.name();
    private String description;
    private boolean enabled = true;
    private String watchedDirectory;
    private Integer pollIntervalSeconds = SourceRules.DEFAULT_POLL_SECONDS;
    private String baseUrl;
    private String publicKeyProperty;
    private String secretKeyProperty;
    private Integer pageSize;
    private String testedName;
    private SourceTestResult testResult;

    @PostConstruct
    void load() {
        sources = catalog.list().stream().map(s -> SourceView.withLastPull(s, pulls)).toList();
    }

    public boolean canChange() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.COMPLIANCE_OFFICER_NAME) || external.isUserInRole(Role.ADMIN_NAME);
    }

    public void save() {
        if (!allowed()) {
            return;
        }
        SourceDefinition definition = new SourceDefinition(name, editing == null ? kindOrNull() : null, description, enabled,
                watchedDirectory, pollIntervalSeconds, baseUrl, publicKeyProperty, secretKeyProperty, pageSize);
        try {
            String by = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
            ConfiguredSource saved = editing == null ? catalog.add(definition, by) : catalog.edit(editing, definition, by);
            info((editing == null ? "Source " : "Settings of ") + saved.name() + " saved.");
            clear();
        } catch (SourceRejected e) {
            e.problems().forEach(this::error);
        }
        load();
    }

    public void edit(String id) {
        catalog.find(UUID.fromString(id)).ifPresent(s -> {
            editing = s.id();
            name = s.name();
            kind = s.kind().name();
            description = s.description();
            enabled = s.enabled();
            watchedDirectory = s.watchedDirectory();
            pollIntervalSeconds = s.pollIntervalSeconds();
            baseUrl = s.baseUrl();
            publicKeyProperty = s.publicKeyProperty();
            secretKeyProperty = s.secretKeyProperty();
            pageSize = s.pageSize();
        });
    }

    public void clear() {
        editing = null;
        name = null;
        kind = SourceKind.JSONL_FILE.name();
        description = null;
        enabled = true;
        watchedDirectory = null;
        pollIntervalSeconds = SourceRules.DEFAULT_POLL_SECONDS;
        baseUrl = null;
        publicKeyProperty = null;
        secretKeyProperty = null;
        pageSize = null;
    }

    public void test(String id) {
        if (!allowed()) {
            return;
        }
        catalog.find(UUID.fromString(id)).ifPresent(s -> {
            testedName = s.name();
            testResult = check.test(s);
        });
    }

    public void pull(String id) {
        if (!allowed()) {
            return;
        }
        try {
            String by = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
            PullStarted started = pulls.pull(UUID.fromString(id), PullTrigger.MANUAL, by);
            info(started.started().isEmpty()
                    ? "Nothing new to pull (" + started.alreadyImported() + " file(s) already imported"
                            + (started.settling() > 0 ? ", " + started.settling() + " still being written" : "") + ")."
                    : "Pull started: " + started.started().size() + " execution(s) ("
                            + String.join(", ", started.started().stream().map(e -> "#" + e.executionId()
                                    + (e.fileName() == null ? "" : " " + e.fileName())).toList()) + ")"
                            + (started.deferred() > 0 ? "; " + started.deferred() + " more file(s) at the next pull" : "") + ".");
        } catch (SourceRejected e) {
            e.problems().forEach(this::error);
        }
        load();
    }

    public boolean isPullRunning() {
        return sources.stream().anyMatch(s -> s.lastPull() != null && s.lastPull().running());
    }

    public String quarantineLink(SourceView source) {
        return "quarantine.xhtml?source=" + URLEncoder.encode(source.name(), StandardCharsets.UTF_8);
    }

    private boolean allowed() {
        if (!canChange()) {
            error("Only compliance officers and administrators can change, test or pull sources.");
            return false;
        }
        return true;
    }

    private SourceKind kindOrNull() {
        try {
            return kind == null ? null : SourceKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<SourceView> getSources() { return sources; }
    public SourceKind[] getKinds() { return SourceKind.values(); }
    public boolean isEditing() { return editing != null; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getWatchedDirectory() { return watchedDirectory; }
    public void setWatchedDirectory(String watchedDirectory) { this.watchedDirectory = watchedDirectory; }
    public Integer getPollIntervalSeconds() { return pollIntervalSeconds; }

    public String getWatchRoots() { return confinement.watchRootsDescribed(); }
    public void setPollIntervalSeconds(Integer pollIntervalSeconds) { this.pollIntervalSeconds = pollIntervalSeconds; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getPublicKeyProperty() { return publicKeyProperty; }
    public void setPublicKeyProperty(String publicKeyProperty) { this.publicKeyProperty = publicKeyProperty; }
    public String getSecretKeyProperty() { return secretKeyProperty; }
    public void setSecretKeyProperty(String secretKeyProperty) { this.secretKeyProperty = secretKeyProperty; }
    public Integer getPageSize() { return pageSize; }
    public void setPageSize(Integer pageSize) { this.pageSize = pageSize; }
    public String getTestedName() { return testedName; }
    public SourceTestResult getTestResult() { return testResult; }
}
