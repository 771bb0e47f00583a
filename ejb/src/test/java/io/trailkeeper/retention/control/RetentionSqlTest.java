package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trailkeeper.retention.entity.BlockedSubject;
import io.trailkeeper.retention.entity.HeldBack;
import io.trailkeeper.retention.entity.HoldScope;
import io.trailkeeper.retention.entity.LegalFloor;
import io.trailkeeper.retention.entity.RuleDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Classification and the dry run's counts against the schema the migrations build (H2, as embedded in Payara). */
class RetentionSqlTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private Connection connection;
    private final UUID prod = UUID.randomUUID();
    private final UUID test = UUID.randomUUID();

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure(getClass().getClassLoader()).dataSource(url, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        connection = DriverManager.getConnection(url);
        source(prod, "prod");
        source(test, "test");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void default_rules_classify_what_the_formats_say_and_count_the_unmatched_in_the_default_class() throws SQLException {
        event(prod, "bot", "chat", "ok", null, null, 1);                   // OTLP chat span
        event(prod, "bot", "execute_tool", "error", null, null, 1);        // OTLP tool span, failed: still a tool call
        event(prod, "bot", "generation", "default", null, null, 1);        // Langfuse generation
        event(prod, "bot", "auth.login", "success", null, null, 1);
        event(prod, "bot", "refund.issue", "denied", null, null, 1);       // an access decision
        event(prod, "bot", "ticket.read", "success", null, null, 1);
        event(prod, "bot", "embeddings", "error", null, null, 1);          // no class claims it: an error
        event(prod, "bot", "refund.issue", "success", null, null, 1);      // no rule
        event(prod, "bot", "executeXtool", "success", null, null, 1);      // '_' is literal, not a wildcard

        Map<String, Long> counts = ClassCounts.count(connection, ClassificationSql.of(seededRules(), "UNCLASSIFIED"));

        assertEquals(Map.of("CONVERSATION_LOG", 2L, "TOOL_CALL_LOG", 1L, "AUTHENTICATION_EVENT", 1L, "AUTHORIZATION_EVENT", 1L,
                "DATA_ACCESS_EVENT", 1L, "ERROR_LOG", 1L, "UNCLASSIFIED", 2L), counts);
    }

    @Test
    void rules_by_source_agent_data_category_and_result_take_effect_in_order() throws SQLException {
        event(prod, "hr-bot", "refund.issue", "success", "health", null, 1);
        event(test, "hr-bot", "refund.issue", "success", null, null, 1);
        event(prod, "Support-Bot", "x", "success", null, null, 1);
        List<RuleDefinition> rules = List.of(
                new RuleDefinition(1, "DATA_ACCESS_EVENT", null, null, null, "HEALTH", null, null, null),
                new RuleDefinition(2, "ERROR_LOG", "test", "hr-*", null, null, "success", null, null),
                new RuleDefinition(3, "CONVERSATION_LOG", null, "support-bot", null, null, null, null, null));

        Map<String, Long> counts = ClassCounts.count(connection, ClassificationSql.of(rules, "UNCLASSIFIED"));

        assertEquals(Map.of("DATA_ACCESS_EVENT", 1L, "ERROR_LOG", 1L, "CONVERSATION_LOG", 1L), counts);
    }

    @Test
    void dry_run_counts_expired_events_and_what_holds_floors_and_subject_requests_keep() throws SQLException {
        ClassificationSql classes = ClassificationSql.of(seededRules(), "UNCLASSIFIED");
        event(prod, "bot", "chat", "ok", null, "p-held", 100);     // expired, held by subject
        event(prod, "bot", "chat", "ok", null, "p-free", 120);     // expired, goes
        event(prod, "bot", "chat", "ok", null, "p-free", 95);      // expired, goes
        event(prod, "bot", "chat", "ok", null, "p-dsr", 200);      // expired, open request
        event(prod, "bot", "chat", "ok", null, "p-free", 10);      // not expired
        event(prod, "bot", "execute_tool", "ok", null, null, 300); // other class
        PolicyPrecedence.Scope conversation = new PolicyPrecedence.Scope(UUID.randomUUID(), "CONVERSATION_LOG", Set.of(), Set.of(), 90, AT);
        ExpiryCounts.ActiveHold hold = new ExpiryCounts.ActiveHold(UUID.randomUUID(), "Doe v. Acme",
                new HoldScope(Set.of("p-held"), Set.of(), Set.of(), null, null));

        ExpiryCounts.Answer answer = ExpiryCounts.count(connection, classes, new ExpiryCounts.Question(conversation, List.of(), null,
                List.of(hold), List.of(new BlockedSubject("p-dsr", "DSR-1")), AT));

        assertEquals(AT.minus(Duration.ofDays(90)), answer.cutoff());
        assertEquals(4, answer.expired());
        assertEquals(2, answer.heldBack());
        assertEquals(List.of(HeldBack.Kind.LEGAL_HOLD, HeldBack.Kind.SUBJECT_REQUEST), answer.heldBackBy().stream().map(HeldBack::kind).toList());
        assertEquals(1, answer.heldBackBy().get(0).events());
        assertEquals(hold.id(), answer.heldBackBy().get(0).holdId());
        assertEquals(1, answer.heldBackBy().get(1).events());
        assertEquals(AT.minus(Duration.ofDays(120)), answer.oldest());
        assertEquals(AT.minus(Duration.ofDays(95)), answer.newest());
    }

    @Test
    void a_floor_raised_after_the_policy_keeps_what_it_covers_and_winners_take_their_events() throws SQLException {
        ClassificationSql classes = ClassificationSql.of(seededRules(), "UNCLASSIFIED");
        event(prod, "bot", "auth.login", "success", null, null, 100);
        event(prod, "bot", "auth.login", "success", null, null, 500);
        event(test, "bot", "auth.login", "success", null, null, 500);
        event(prod, "bot", "auth.login", "success", null, null, 3000);
        PolicyPrecedence.Scope wholeClass = new PolicyPrecedence.Scope(UUID.randomUUID(), "AUTHENTICATION_EVENT", Set.of(), Set.of(), 90, AT);
        PolicyPrecedence.Scope testOnly = new PolicyPrecedence.Scope(UUID.randomUUID(), "AUTHENTICATION_EVENT", Set.of("test"), Set.of(), 30, AT);
        LegalFloor soc2 = new LegalFloor("SOC2", "SOC 2 evidence (audit period + margin) 365 + 90 days", "AICPA", 455);

        ExpiryCounts.Answer answer = ExpiryCounts.count(connection, classes, new ExpiryCounts.Question(wholeClass,
                PolicyPrecedence.outranking(wholeClass, List.of(wholeClass, testOnly)), soc2, List.of(), List.of(), AT));

        assertEquals(3, answer.expired(), "the test source's event belongs to the policy that wins for it");
        assertEquals(1, answer.heldBack(), "100 days old: younger than the 455-day floor");
        assertEquals(HeldBack.Kind.LEGAL_FLOOR, answer.heldBackBy().get(0).kind());
        assertEquals(AT.minus(Duration.ofDays(3000)), answer.oldest());

        ExpiryCounts.Answer none = ExpiryCounts.count(connection, classes, new ExpiryCounts.Question(
                new PolicyPrecedence.Scope(UUID.randomUUID(), "AGENT_MEMORY", Set.of(), Set.of(), 1, AT), List.of(), null,
                List.of(new ExpiryCounts.ActiveHold(UUID.randomUUID(), "everything", new HoldScope(Set.of(), Set.of(), Set.of(), null, null))),
                List.of(), AT));
        assertEquals(0, none.expired());
        assertNull(none.oldest());
        assertEquals(List.of(), none.heldBackBy(), "a hold that keeps nothing of a policy's events is not one of its reasons");
    }

    @Test
    void a_hold_covers_an_event_only_when_every_dimension_does() throws SQLException {
        ClassificationSql classes = ClassificationSql.of(seededRules(), "UNCLASSIFIED");
        event(prod, "bot", "chat", "ok", null, null, 100);
        event(prod, "other", "chat", "ok", null, null, 100);
        event(test, "bot", "chat", "ok", null, null, 100);
        event(prod, "bot", "chat", "ok", null, null, 400);
        HoldScope scope = new HoldScope(Set.of(), Set.of("bot"), Set.of("prod"), AT.minus(Duration.ofDays(200)), AT);
        PolicyPrecedence.Scope policy = new PolicyPrecedence.Scope(UUID.randomUUID(), "CONVERSATION_LOG", Set.of(), Set.of(), 90, AT);

        ExpiryCounts.Answer answer = ExpiryCounts.count(connection, classes, new ExpiryCounts.Question(policy, List.of(), null,
                List.of(new ExpiryCounts.ActiveHold(UUID.randomUUID(), "m", scope)), List.of(), AT));

        assertEquals(4, answer.expired());
        assertEquals(1, answer.heldBack());
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

    private void source(UUID id, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_source (id, name, kind, created_at) VALUES (?, ?, 'JSONL_FILE', ?)")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.setObject(3, AT.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private void event(UUID source, String agent, String action, String result, String category, String pseudonym, int daysOld)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (id, occurred_at, ingested_at, source_id,"
                + " source_event_id, agent_id, action, result, data_category, subject_pseudonym) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, AT.minus(Duration.ofDays(daysOld)).atOffset(ZoneOffset.UTC));
            insert.setObject(3, AT.atOffset(ZoneOffset.UTC));
            insert.setObject(4, source);
            insert.setString(5, UUID.randomUUID().toString());
            insert.setString(6, agent);
            insert.setString(7, action);
            insert.setString(8, result);
            insert.setString(9, category);
            insert.setString(10, pseudonym);
            insert.executeUpdate();
        }
    }
}
