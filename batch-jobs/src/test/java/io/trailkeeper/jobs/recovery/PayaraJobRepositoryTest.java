package io.trailkeeper.jobs.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Marking crashed executions FAILED in a job repository laid out as Payara 6.2025.10 lays it out
 * (the columns this class touches, as found in a domain's {@code ejbtimer} H2 database).
 */
class PayaraJobRepositoryTest {

    private static final Instant SERVER_STARTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant BEFORE = SERVER_STARTED.minusSeconds(600);
    private static final Instant AFTER = SERVER_STARTED.plusSeconds(60);
    private static final Instant NOW = SERVER_STARTED.plusSeconds(120);

    private JdbcDataSource db;

    @BeforeEach
    void payaraTables() throws SQLException {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE JOBINSTANCEDATA (jobinstanceid BIGINT PRIMARY KEY, name VARCHAR(512), apptag VARCHAR(512))");
            s.execute("CREATE TABLE EXECUTIONINSTANCEDATA (jobexecid BIGINT PRIMARY KEY, jobinstanceid BIGINT, createtime TIMESTAMP,"
                    + " starttime TIMESTAMP, endtime TIMESTAMP, updatetime TIMESTAMP, parameters BLOB, batchstatus VARCHAR(512),"
                    + " exitstatus VARCHAR(512))");
            s.execute("CREATE TABLE STEPEXECUTIONINSTANCEDATA (stepexecid BIGINT PRIMARY KEY, jobexecid BIGINT, batchstatus VARCHAR(512),"
                    + " exitstatus VARCHAR(512), stepname VARCHAR(512), endtime TIMESTAMP)");
        }
    }

    @Test
    void aRunningExecutionFromBeforeTheServerStartedIsMarkedFailedWithItsSteps() throws SQLException {
        execution(1, "trail-file-import", "STARTED", BEFORE);
        step(11, 1, "STARTED");

        List<InterruptedExecution> marked = repository().markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW);

        assertEquals(List.of(new InterruptedExecution(1, "trail-file-import")), marked);
        assertEquals("FAILED", text("SELECT batchstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 1"));
        assertEquals(PayaraJobRepository.EXIT_STATUS, text("SELECT exitstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 1"));
        assertEquals(Timestamp.from(NOW), timestamp("SELECT endtime FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 1"));
        assertEquals("FAILED", text("SELECT batchstatus FROM STEPEXECUTIONINSTANCEDATA WHERE stepexecid = 11"));
    }

    @Test
    void startingAndStoppingExecutionsAreInterruptedTooAcrossTheListedJobs() throws SQLException {
        execution(1, "trail-file-import", "STARTING", BEFORE);
        execution(2, "langfuse-pull", "STOPPING", BEFORE);

        List<InterruptedExecution> marked = repository()
                .markInterrupted(List.of("trail-file-import", "langfuse-pull"), SERVER_STARTED, NOW);

        assertEquals(List.of(new InterruptedExecution(1, "trail-file-import"), new InterruptedExecution(2, "langfuse-pull")), marked);
    }

    @Test
    void executionsThisServerStartedAreLeftRunning() throws SQLException {
        execution(1, "trail-file-import", "STARTED", AFTER);
        step(11, 1, "STARTED");

        assertEquals(List.of(), repository().markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW));
        assertEquals("STARTED", text("SELECT batchstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 1"));
        assertEquals("STARTED", text("SELECT batchstatus FROM STEPEXECUTIONINSTANCEDATA WHERE stepexecid = 11"));
    }

    @Test
    void finishedExecutionsAndOtherJobsAreNotTouched() throws SQLException {
        execution(1, "trail-file-import", "COMPLETED", BEFORE);
        step(11, 1, "COMPLETED");
        execution(2, "trail-file-import", "STOPPED", BEFORE);
        execution(3, "someone-elses-job", "STARTED", BEFORE);

        assertEquals(List.of(), repository().markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW));
        assertEquals("COMPLETED", text("SELECT batchstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 1"));
        assertEquals("COMPLETED", text("SELECT exitstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 1"));
        assertEquals("STOPPED", text("SELECT batchstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 2"));
        assertEquals("STARTED", text("SELECT batchstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = 3"));
    }

    @Test
    void aSecondRecoveryFindsNothingMore() throws SQLException {
        execution(1, "trail-file-import", "STARTED", BEFORE);
        repository().markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW);

        assertEquals(List.of(), repository().markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW.plusSeconds(5)));
    }

    @Test
    void aDomainWhoseBatchRuntimeNeverRanHasNothingToRecover() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE EXECUTIONINSTANCEDATA");
        }
        assertEquals(List.of(), repository().markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW));
    }

    @Test
    void configuredTablePrefixesAreUsedAndCannotInjectSql() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE JOBINSTANCEDATA RENAME TO TK_JOBINSTANCEDATA");
            s.execute("ALTER TABLE EXECUTIONINSTANCEDATA RENAME TO TK_EXECUTIONINSTANCEDATA");
            s.execute("ALTER TABLE STEPEXECUTIONINSTANCEDATA RENAME TO TK_STEPEXECUTIONINSTANCEDATA");
            s.execute("INSERT INTO TK_JOBINSTANCEDATA VALUES (1, 'trail-file-import', 'tag')");
            s.execute("INSERT INTO TK_EXECUTIONINSTANCEDATA (jobexecid, jobinstanceid, createtime, batchstatus) VALUES (1, 1, TIMESTAMP '2026-01-01 00:00:00', 'STARTED')");
        }
        assertEquals(1, new PayaraJobRepository(db, "TK_", "").markInterrupted(List.of("trail-file-import"), SERVER_STARTED, NOW).size());
        assertThrows(IllegalArgumentException.class, () -> new PayaraJobRepository(db, "X; DROP TABLE JOBSTATUS --", ""));
    }

    @Test
    void anEmbeddedH2RepositoryWritesEachCommitAtOnce() throws SQLException {
        assertTrue(repository().makeCommitsDurable());
        assertEquals("0", text("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"));
    }

    @Test
    void aRepositoryWithoutPreparedTransactionsHasNoneInDoubt() throws SQLException {
        assertEquals(0, repository().inDoubtTransactions());
    }

    private PayaraJobRepository repository() {
        return new PayaraJobRepository(db, "", "");
    }

    private void execution(long id, String job, String status, Instant created) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO JOBINSTANCEDATA VALUES (?, ?, 'server-config:app')")) {
                p.setLong(1, id);
                p.setString(2, job);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO EXECUTIONINSTANCEDATA"
                    + " (jobexecid, jobinstanceid, createtime, starttime, updatetime, batchstatus, exitstatus) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, id);
                p.setLong(2, id);
                p.setTimestamp(3, Timestamp.from(created));
                p.setTimestamp(4, Timestamp.from(created));
                p.setTimestamp(5, Timestamp.from(created));
                p.setString(6, status);
                p.setString(7, status);
                p.executeUpdate();
            }
        }
    }

    private void step(long id, long execution, String status) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("INSERT INTO STEPEXECUTIONINSTANCEDATA (stepexecid, jobexecid, batchstatus, stepname)"
                     + " VALUES (?, ?, ?, 'import-lines')")) {
            p.setLong(1, id);
            p.setLong(2, execution);
            p.setString(3, status);
            p.executeUpdate();
        }
    }

    private Timestamp timestamp(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getTimestamp(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
