package io.trailkeeper.residency.boundary;

import io.trailkeeper.residency.control.FindingRows;
import io.trailkeeper.residency.entity.FindingSeverity;
import io.trailkeeper.residency.entity.FindingStatus;
import io.trailkeeper.residency.entity.FindingView;
import io.trailkeeper.residency.entity.ResidencyRejected;
import io.trailkeeper.residency.entity.StatusChange;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Residency findings and their workflow: officers accept one with a reason until an expiry (the check
 * re-opens it then), resolve it, or re-open it; always with a reason, recorded with who and when.
 */
@Stateless
public class ResidencyFindings {

    /** Longest acceptance: a year, so that an accepted transfer is looked at again (GDPR Art. 5(2)). */
    static final long MAX_ACCEPTANCE_DAYS = 366;

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    public List<FindingView> list(FindingStatus status, FindingSeverity severity) {
        return ResidencySettings.sql(() -> FindingRows.list(connection(), status, severity, 1000));
    }

    public FindingView find(UUID id) {
        return ResidencySettings.sql(() -> FindingRows.find(connection(), id))
                .orElseThrow(() -> new ResidencyRejected(ResidencyRejected.Reason.UNKNOWN, "no residency finding with id " + id));
    }

    public FindingView change(UUID id, StatusChange asked, String by) {
        FindingView finding = find(id);
        List<String> problems = new ArrayList<>();
        FindingStatus status = null;
        if (asked == null || asked.status() == null) {
            problems.add("status is required: ACCEPTED, RESOLVED or OPEN");
        } else {
            try {
                status = FindingStatus.valueOf(asked.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("status must be ACCEPTED, RESOLVED or OPEN, not '" + asked.status() + "'");
            }
        }
        String reason = asked == null || asked.reason() == null || asked.reason().isBlank() ? null : asked.reason().strip();
        if (reason == null) {
            problems.add("reason is required");
        } else if (reason.length() > 1000) {
            problems.add("reason is longer than 1000 characters");
        }
        Instant now = clock.instant();
        Instant until = asked == null ? null : asked.acceptedUntil();
        if (status == FindingStatus.ACCEPTED) {
            if (until == null || !until.isAfter(now)) {
                problems.add("an acceptance needs acceptedUntil, an instant in the future");
            } else if (until.isAfter(now.plus(java.time.Duration.ofDays(MAX_ACCEPTANCE_DAYS)))) {
                problems.add("an acceptance lasts at most " + MAX_ACCEPTANCE_DAYS + " days");
            }
        } else {
            until = null;
        }
        if (!problems.isEmpty()) {
            throw ResidencyRejected.invalid(problems);
        }
        if (status == finding.status()) {
            throw new ResidencyRejected(ResidencyRejected.Reason.CONFLICT, "finding " + id + " is already " + status);
        }
        FindingStatus target = status;
        Instant acceptedUntil = until;
        ResidencySettings.sql(() -> {
            FindingRows.setStatus(connection(), id, target, reason, by, now, acceptedUntil);
            return null;
        });
        return find(id);
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }
}
