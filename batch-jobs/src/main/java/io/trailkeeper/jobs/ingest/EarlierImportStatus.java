package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.entity.StoreOutcome;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The status of an import recorded before Trailkeeper kept the state of its runs, as the batch
 * runtime tells it. Payara shows an execution only to the deployment that started it; to any other
 * the import is {@link ImportStatus#UNAVAILABLE}, said as such and never as a server error.
 */
final class EarlierImportStatus {

    private EarlierImportStatus() {
    }

    static Optional<ImportStatus> of(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            if (!ImportLauncher.JOB_NAME.equals(execution.getJobName())) {
                return Optional.empty();
            }
            List<JobExecution> chain = operator.getJobExecutions(operator.getJobInstance(executionId));
            Long restartedFrom = chain.stream().mapToLong(JobExecution::getExecutionId).filter(other -> other < executionId)
                    .boxed().max(Long::compare).orElse(null);
            long latest = chain.stream().mapToLong(JobExecution::getExecutionId).max().orElse(executionId);
            StoreOutcome tally = operator.getStepExecutions(executionId).stream()
                    .map(StepExecution::getPersistentUserData)
                    .filter(StoreOutcome.class::isInstance)
                    .map(StoreOutcome.class::cast)
                    .reduce(StoreOutcome.NONE, StoreOutcome::plus);
            Properties parameters = execution.getJobParameters();
            return Optional.of(new ImportStatus(executionId, execution.getBatchStatus().name(),
                    parameters.getProperty("source"), parameters.getProperty("format"), parameters.getProperty("fileName"),
                    instant(execution.getStartTime()), instant(execution.getEndTime()),
                    tally.read(), tally.stored(), tally.duplicates(), tally.quarantined(), restartedFrom, latest));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        } catch (JobSecurityException e) {
            return Optional.of(ImportStatus.unavailable(executionId));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
