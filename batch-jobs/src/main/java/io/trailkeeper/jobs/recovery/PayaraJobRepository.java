package io.trailkeeper.jobs.recovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The one place that writes to Payara's batch job repository tables directly.
 *
 * <p>Why SQL: Jakarta Batch has no operation for "this execution died with its server" (the gap is
 * jakartaee/batch issue 157, "Provide a mark failed since abandon is not really helpful").
 * {@code JobOperator.abandon} refuses a STARTED or STARTING execution, {@code stop} refuses one that
 * is not running in this JVM, and JBatch's {@code IPersistenceManagerService} is an implementation
 * class of the server, not an API an application can rely on. So this class does what JBatch's own
 * {@code updateBatchStatusOnly} does for abandon: it sets the batch status column of the execution
 * (and of its step executions), here to FAILED, which leaves the job instance restartable from its
 * checkpoint. The serialized JOBSTATUS/STEPSTATUS rows are left alone: restart only refuses
 * instances that are COMPLETED or ABANDONED there, and a STARTED step is re-run from its checkpoint.
 *
 * <p>Verified against Payara Server Community 6.2025.10 (payara-jbatch and glassfish-batch-connector
 * of that release), job repository {@code jdbc/__TimerPool} (embedded H2), tables
 * JOBINSTANCEDATA(jobinstanceid, name, apptag), EXECUTIONINSTANCEDATA(jobexecid, jobinstanceid,
 * createtime, starttime, endtime, updatetime, batchstatus, exitstatus) and
 * STEPEXECUTIONINSTANCEDATA(stepexecid, jobexecid, batchstatus, exitstatus, endtime), without
 * table prefix or suffix unless configured. Re-check these names when upgrading Payara.
 *
 * <p>It also makes an embedded H2 repository write commits at once ({@link #makeCommitsDurable()}),
 * because a checkpoint must be as durable as the events it describes.
 *
 * <p>Safety: only executions created before {@code notRunningSince} (the start of this JVM, so
 * nothing of theirs can be running) are touched, and each update repeats the running-status
 * condition, so an execution that ended meanwhile is never overwritten.
 */
public class PayaraJobRepository {

    static final String EXIT_STATUS = "INTERRUPTED_BY_SERVER_STOP";
    private static final Pattern TABLE_AFFIX = Pattern.compile("[A-Za-z0-9_]{0,30}");
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    private final DataSource repository;
    private final String jobInstances;
    private final String executions;
    private final String stepExecutions;

    public PayaraJobRepository(DataSource repository, String tablePrefix, String tableSuffix) {
        if (!TABLE_AFFIX.matcher(tablePrefix).matches() || !TABLE_AFFIX.matcher(tableSuffix).matches()) {
            throw new IllegalArgumentException("a batch table prefix or suffix may only have letters, digits and _ (at most 30)");
        }
        this.repository = repository;
        this.jobInstances = tablePrefix + "JOBINSTANCEDATA" + tableSuffix;
        this.executions = tablePrefix + "EXECUTIONINSTANCEDATA" + tableSuffix;
        this.stepExecutions = tablePrefix + "STEPEXECUTIONINSTANCEDATA" + tableSuffix;
    }

    /**
     * Makes the repository write each commit at once when it is an embedded H2 database (Payara's
     * default {@code jdbc/__TimerPool}). H2 otherwise writes commits up to 500 ms later, so a crash
     * could lose the last checkpoints of an import whose events are already stored: the resumed
     * import would then read those lines again and quarantine their malformed ones a second time.
     * The setting is kept by the database; it needs the admin rights Payara's pool has.
     *
     * @return true when the repository is H2 and now writes commits at once
     */
    public boolean makeCommitsDurable() throws SQLException {
        try (Connection connection = repository.getConnection()) {
            if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            return true;
        }
    }

    /**
     * Transactions of the repository that were prepared but neither committed nor rolled back when the
     * server died (embedded H2 only). They keep the crashed step's checkpoint row locked until the
     * server's transaction recovery decides them, so a resumed job must wait for them.
     */
    public int inDoubtTransactions() throws SQLException {
        try (Connection connection = repository.getConnection()) {
            if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                return 0;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.IN_DOUBT")) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /**
     * Marks FAILED every execution of the named jobs that the repository still shows as running
     * although it was created before {@code notRunningSince}.
     *
     * @return the executions marked, oldest first
     */
    public List<InterruptedExecution> markInterrupted(Collection<String> jobNames, Instant notRunningSince, Instant now) throws SQLException {
        if (jobNames.isEmpty()) {
            return List.of();
        }
        try (Connection connection = repository.getConnection()) {
            if (!tablesExist(connection)) {
                return List.of(); // the batch runtime has never run a job here
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<InterruptedExecution> marked = new ArrayList<>();
                for (InterruptedExecution execution : interrupted(connection, jobNames, notRunningSince)) {
                    if (markFailed(connection, execution.executionId(), Timestamp.from(now))) {
                        marked.add(execution);
                    }
                }
                connection.commit();
                return marked;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private boolean tablesExist(Connection connection) throws SQLException {
        for (String table : List.of(executions, executions.toLowerCase(), executions.toUpperCase())) {
            try (ResultSet found = connection.getMetaData().getTables(null, null, table, null)) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<InterruptedExecution> interrupted(Connection connection, Collection<String> jobNames, Instant notRunningSince) throws SQLException {
        String names = String.join(", ", jobNames.stream().map(n -> "?").toList());
        String sql = "SELECT e.jobexecid, i.name FROM " + executions + " e JOIN " + jobInstances + " i ON i.jobinstanceid = e.jobinstanceid"
                + " WHERE i.name IN (" + names + ") AND e.batchstatus IN " + RUNNING + " AND e.createtime < ?"
                + " ORDER BY e.jobexecid";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (String name : jobNames) {
                select.setString(index++, name);
            }
            select.setTimestamp(index, Timestamp.from(notRunningSince));
            List<InterruptedExecution> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(new InterruptedExecution(rows.getLong(1), rows.getString(2)));
                }
            }
            return ids;
        }
    }

    private boolean markFailed(Connection connection, long execution, Timestamp now) throws SQLException {
        int changed;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + executions
                + " SET batchstatus = 'FAILED', exitstatus = ?, endtime = ?, updatetime = ?"
                + " WHERE jobexecid = ? AND batchstatus IN " + RUNNING)) {
            update.setString(1, EXIT_STATUS);
            update.setTimestamp(2, now);
            update.setTimestamp(3, now);
            update.setLong(4, execution);
            changed = update.executeUpdate();
        }
        try (PreparedStatement steps = connection.prepareStatement("UPDATE " + stepExecutions
                + " SET batchstatus = 'FAILED', exitstatus = ?, endtime = ?"
                + " WHERE jobexecid = ? AND batchstatus IN " + RUNNING)) {
            steps.setString(1, EXIT_STATUS);
            steps.setTimestamp(2, now);
            steps.setLong(3, execution);
            steps.executeUpdate();
        }
        return changed == 1;
    }
}
