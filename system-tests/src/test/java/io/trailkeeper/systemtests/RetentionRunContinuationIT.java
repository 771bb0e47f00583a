package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.SourcePosition;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.jobs.retention.RetentionRunLauncher;
import io.trailkeeper.platform.boundary.SchemaMigration;
import io.trailkeeper.retention.boundary.RetentionPolicies;
import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.PolicyDefinition;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RunBatch;
import io.trailkeeper.retention.entity.RunLine;
import io.trailkeeper.retention.entity.RunStatus;
import io.trailkeeper.trail.boundary.TrailQueries;
import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.EventFilter;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A retention run interrupted after its first committed batch (as a crash leaves it: STARTED in an
 * application instance that is gone) is continued as a new execution from the position it committed,
 * and ends with the same result as an uninterrupted run: what the dry run showed, each event once.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionRunContinuationIT {

    @Deployment
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.withTestsInside(RetentionRunContinuationIT.class);
    }

    @EJB
    TrailIngestion ingestion;

    @EJB
    TrailQueries trail;

    @EJB
    TrailLog log;

    @EJB
    RetentionPolicies policies;

    @EJB
    RetentionRuns runs;

    @EJB
    RetentionRunLauncher launcher;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    UserTransaction transaction;

    @Test
    void anInterruptedRunContinuesFromItsPositionAndEndsAsTheDryRunShowed() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String agent = "continued-" + UUID.randomUUID();
        store(agent, now);
        UUID policy = policies.add(new PolicyDefinition(null, "CONVERSATION_LOG", 90, "DELETE_EVENT", List.of(), List.of(agent),
                "GDPR Art. 5(1)(e)"), "continuation-test").id();
        try {
            RetentionRunView planned = runs.plan(now, "MANUAL", "continuation-test");
            RunLine line = planned.policies().stream().filter(l -> l.policyId().equals(policy)).findFirst().orElseThrow();
            assertEquals(5, line.wouldGo(), line.toString());

            // The first execution commits one batch of two, then its server dies.
            InContainerDatabase.inTransaction(transaction, () -> {
                RunBatch first = runs.nextBatch(planned.id(), 2).orElseThrow();
                runs.delete(planned.id(), first);
                return first;
            });
            InContainerDatabase.sql(dataSource, "UPDATE retention_run SET status = 'STARTED', application_instance = ? WHERE id = ?",
                    UUID.randomUUID(), planned.id());
            assertTrue(runs.toContinue().contains(planned.id()), "a run left going on in a gone instance is continued");

            launcher.resume(planned.id());
            RetentionRunView ended = awaitEnd(planned.id());
            assertEquals(RunStatus.COMPLETED, ended.status(), ended.toString());
            RunLine done = ended.policies().stream().filter(l -> l.policyId().equals(policy)).findFirst().orElseThrow();
            assertEquals(line.wouldGo(), done.deleted(), "the same result as an uninterrupted run: " + done);
            assertEquals(1, trail.search(new EventFilter(null, null, agent, null), 0, 50).total(), "only the unexpired event stays");
            assertTrue(log.verify().ok(), "every deletion is accounted for in the log");
        } finally {
            policies.retire(policy, "test over", "continuation-test");
        }
    }

    private RetentionRunView awaitEnd(UUID runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RetentionRunView run = runs.find(runId);
        while (!run.status().finished() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = runs.find(runId);
        }
        return run;
    }

    /** Five chat events 200 days old (expired under 90 days) and one 10 days old. */
    private void store(String agent, Instant now) throws Exception {
        AuditSource source = ingestion.sourceNamed("continuation-" + UUID.randomUUID(), SourceKind.JSONL_FILE);
        List<IngestRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant at = i < 5 ? now.minus(200, ChronoUnit.DAYS).plusSeconds(i) : now.minus(10, ChronoUnit.DAYS);
            AuditEventDraft draft = new AuditEventDraft("c-" + i, at, agent, null, null, null, "eu-west-1", "cust-" + i, "s-1", "chat",
                    "order/" + i, "ok", null, Boolean.TRUE, "gpt-4o", 10L, 5L, 800L, null, null, "{\"prompt\":\"hello " + i + "\"}");
            records.add(new IngestRecord.Event(new SourcePosition(i + 1, i * 100L), draft));
        }
        InContainerDatabase.inTransaction(transaction, () -> ingestion.store(source.id(), 1L, records));
    }
}
