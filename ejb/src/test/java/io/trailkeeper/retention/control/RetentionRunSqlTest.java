package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.retention.entity.BlockedSubject;
import io.trailkeeper.retention.entity.EventPosition;
import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.HeldBack;
import io.trailkeeper.retention.entity.HoldScope;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RuleDefinition;
import io.trailkeeper.retention.entity.RunLine;
import io.trailkeeper.retention.entity.RunStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run's selection against the dry run's counts, and the run's own tables (H2, as embedded in Payara). */
class RetentionRunSqlTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private Connection connection;
    private final UUID prod = UUID.randomUUID();
    private final List<UUID> held = new ArrayList<>();
    private final List<UUID> kept = new ArrayList<>();

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:retention-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure(getClass().getClassLoader()).dataSource(url, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        connection = DriverManager.getConnection(url);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_source (id, name, kind, created_at) VALUES (?, 'prod', 'JSONL_FILE', ?)")) {
            insert.setObject(1, prod);
            insert.setObject(2, AT.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void batches_after_a_position_select_exactly_what_the_dry_run_counts_as_would_go() throws SQLException {
        for (int i = 0; i < 7; i++) {
            event("chat", "p-free", 100 + (i % 3)); // same instants on purpose: the id breaks ties
        }
        held.add(event("chat", "p-held", 150));
        held.add(event("chat", "p-dsr", 200));
        kept.add(event("chat", "p-free", 89));       // within the period
        kept.add(event("execute_tool", "p-free", 300)); // another class
        ClassificationSql classes = ClassificationSql.of(seededRules(), "UNCLASSIFIED");
        ExpiryCounts.Question q = new ExpiryCounts.Question(
                new PolicyPrecedence.Scope(UUID.randomUUID(), "CONVERSATION_LOG", Set.of(), Set.of(), 90, AT), List.of(), null,
                List.of(new ExpiryCounts.ActiveHold(UUID.randomUUID(), "Doe v. Acme", new HoldScope(Set.of("p-held"), Set.of(), Set.of(), null, null))),
                List.of(new BlockedSubject("p-dsr", "DSR-1")), AT);

        ExpiryCounts.Answer counted = ExpiryCounts.count(connection, classes, q);
        List<EventPosition> all = new ArrayList<>();
        EventPosition after = null;
        for (List<EventPosition> batch = ExpiredEvents.next(connection, classes, q, null, 3); !batch.isEmpty();
             batch = ExpiredEvents.next(connection, classes, q, after, 3)) {
            assertTrue(batch.size() <= 3);
            all.addAll(batch);
            after = batch.get(batch.size() - 1);
        }
        assertEquals(counted.expired() - counted.heldBack(), all.size(), "the run deletes what the dry run counts as would go");
        assertEquals(7, all.size());
        assertEquals(all.size(), new HashSet<>(all).size(), "no event twice");
        for (int i = 1; i < all.size(); i++) {
            EventPosition a = all.get(i - 1);
            EventPosition b = all.get(i);
            assertTrue(a.occurredAt().isBefore(b.occurredAt()) || a.occurredAt().equals(b.occurredAt()), "oldest first");
        }
        Set<UUID> ids = new HashSet<>(all.stream().map(EventPosition::eventId).toList());
        held.forEach(id -> assertTrue(!ids.contains(id), "held events never go"));
        kept.forEach(id -> assertTrue(!ids.contains(id), "unexpired and other classes never go"));
        assertTrue(all.stream().allMatch(e -> e.occurredAt().isBefore(counted.cutoff())), "nothing newer than the cutoff");
    }

    @Test
    void a_run_keeps_its_plan_position_and_counts() throws SQLException {
        RunStore store = new RunStore(connection);
        UUID run = UUID.randomUUID();
        UUID policy = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.insert(new RunStore.NewRun(run, AT, "MANUAL", "officer", AT), List.of(
                new RunLine(policy, 2, "CONVERSATION_LOG", 90, ExpiryAction.DELETE_EVENT, AT.minus(Duration.ofDays(90)), 9, 7, 2,
                        List.of(new HeldBack(HeldBack.Kind.LEGAL_HOLD, "Doe v. Acme", null, hold, 1),
                                new HeldBack(HeldBack.Kind.SUBJECT_REQUEST, "open data-subject requests", "1 subject(s)", null, 1)), 0, null),
                RunRules.planned(new io.trailkeeper.retention.entity.DryRunLine(other, 1, "TOOL_CALL_LOG", List.of(), List.of(), 30,
                        ExpiryAction.KEEP_METADATA_DESTROY_CONTENT, AT, 4, 4, 0, List.of(), null, null))));
        UUID instance = UUID.randomUUID();
        store.started(run, 17, instance, AT);
        EventPosition last = new EventPosition(AT.minus(Duration.ofDays(100)), UUID.randomUUID());
        store.advanced(run, policy, 5, last);

        assertEquals(List.of(run), store.toContinue(UUID.randomUUID()), "a run going on in a gone instance is continued");
        assertEquals(List.of(), store.toContinue(instance));
        assertEquals(last, store.position(run, policy).orElseThrow());

        store.ended(run, RunStatus.COMPLETED, null, AT.plusSeconds(5));
        RetentionRunView view = store.find(run).orElseThrow();
        assertEquals(RunStatus.COMPLETED, view.status());
        assertEquals(5, view.deleted());
        assertEquals(7, view.wouldGo(), "only policies carried out count as would go");
        assertEquals(2, view.heldBack());
        assertEquals(List.of(hold, UUID.randomUUID()).get(0), view.policies().get(0).heldBackBy().get(0).holdId());
        assertEquals(2, view.policies().get(0).heldBackBy().size());
        assertEquals(5, view.policies().get(0).deleted());
        assertEquals(RunRules.CONTENT_DESTRUCTION_NOT_SUPPORTED, view.policies().get(1).note());
        assertTrue(view.outcome().startsWith("5 deleted, 2 held back.") && view.outcome().contains("not yet supported"), view.outcome());
        assertEquals(1, store.list(10).size());
    }

    private UUID event(String action, String pseudonym, int daysOld) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (id, occurred_at, ingested_at, source_id,"
                + " source_event_id, agent_id, action, result, subject_pseudonym) VALUES (?, ?, ?, ?, ?, 'bot', ?, 'ok', ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, AT.minus(Duration.ofDays(daysOld)).atOffset(ZoneOffset.UTC));
            insert.setObject(3, AT.atOffset(ZoneOffset.UTC));
            insert.setObject(4, prod);
            insert.setString(5, id.toString());
            insert.setString(6, action);
            insert.setString(7, pseudonym);
            insert.executeUpdate();
        }
        return id;
    }

    private List<RuleDefinition> seededRules() throws SQLException {
        List<RuleDefinition> rules = new ArrayList<>();
        try (ResultSet r = connection.createStatement().executeQuery("SELECT evaluation_order, record_class, source_name, agent_pattern,"
                + " action_pattern, data_category_pattern, result_pattern FROM classification_rule ORDER BY evaluation_order")) {
            while (r.next()) {
                rules.add(new RuleDefinition(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        r.getString(7), null, null));
            }
        }
        return rules;
    }
}
