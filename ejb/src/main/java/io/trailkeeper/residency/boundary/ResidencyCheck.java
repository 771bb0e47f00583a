package io.trailkeeper.residency.boundary;

import io.trailkeeper.residency.control.CheckRows;
import io.trailkeeper.residency.control.EventGroups;
import io.trailkeeper.residency.control.FindingRows;
import io.trailkeeper.residency.control.GroupJudgement;
import io.trailkeeper.residency.control.ResidencyCatalog;
import io.trailkeeper.residency.control.SettingRows;
import io.trailkeeper.residency.entity.CheckRun;
import io.trailkeeper.residency.entity.EventGroup;
import io.trailkeeper.residency.entity.FindingDraft;
import io.trailkeeper.residency.entity.PolicyView;
import io.trailkeeper.residency.entity.RecipientView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The residency check (issue 14), run on demand in one transaction: lock the watermark, aggregate the
 * events after it in SQL, judge each group once, add the findings, re-open expired acceptances, move the
 * watermark to the log's end as it was at the start and record the run. Checks take turns on the
 * watermark's lock; a check that fails changes nothing, so every event is counted exactly once.
 */
@Stateless
public class ResidencyCheck {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ResidencyCatalogs catalogs;

    public CheckRun run(String by) {
        Instant started = clock.instant();
        Connection connection = em.unwrap(Connection.class);
        ResidencyCatalog catalog = catalogs.current();
        try {
            long from = CheckRows.lockWatermark(connection);
            long to = Math.max(from, EventGroups.logEnd(connection));
            List<EventGroup> groups = to > from ? EventGroups.between(connection, from, to) : List.of();
            GroupJudgement judgement = new GroupJudgement(catalog, SettingRows.subjectRules(connection),
                    SettingRows.policies(connection).stream().collect(Collectors.toMap(PolicyView::jurisdiction, Function.identity())),
                    recipients(connection, groups, started));
            int reopened = FindingRows.reopenExpired(connection, started);
            int added = 0;
            int updated = 0;
            long events = 0;
            for (EventGroup group : groups) {
                events += group.events();
                for (FindingDraft draft : judgement.findings(group)) {
                    switch (FindingRows.add(connection, draft, started)) {
                        case NEW -> added++;
                        case UPDATED -> updated++;
                        case REOPENED -> {
                            updated++;
                            reopened++;
                        }
                    }
                }
            }
            CheckRows.advance(connection, to, started);
            CheckRun run = new CheckRun(UUID.randomUUID(), started, clock.instant(), by, from, to, groups.size(), events, added, updated,
                    reopened, catalog.version().id());
            CheckRows.record(connection, run);
            return run;
        } catch (SQLException e) {
            throw new IllegalStateException("the residency check failed; nothing of it was stored", e);
        }
    }

    public List<CheckRun> runs(int limit) {
        try {
            return CheckRows.recent(em.unwrap(Connection.class), Math.max(1, Math.min(limit, 500)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the residency runs", e);
        }
    }

    /** The recorded recipients, with the models these groups name for the first time added as unrecorded. */
    private static Map<String, RecipientView> recipients(Connection connection, List<EventGroup> groups, Instant at) throws SQLException {
        Map<String, RecipientView> known = new HashMap<>();
        SettingRows.recipients(connection).forEach(r -> known.put(r.model(), r));
        for (EventGroup group : groups) {
            if (group.model() != null && !group.model().isBlank() && !known.containsKey(group.model())) {
                RecipientView unrecorded = SettingRows.unrecorded(group.model(), at);
                SettingRows.putRecipient(connection, unrecorded);
                known.put(group.model(), unrecorded);
            }
        }
        return known;
    }
}
