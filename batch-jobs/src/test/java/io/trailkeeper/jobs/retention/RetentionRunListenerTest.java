package io.trailkeeper.jobs.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailkeeper.retention.entity.RunStatus;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;

class RetentionRunListenerTest {

    @Test
    void a_job_still_running_when_its_listener_ends_completed() {
        assertEquals(RunStatus.COMPLETED, RetentionRunListener.endState(BatchStatus.STARTED));
        assertEquals(RunStatus.STOPPED, RetentionRunListener.endState(BatchStatus.STOPPING));
        assertEquals(RunStatus.FAILED, RetentionRunListener.endState(BatchStatus.FAILED));
        assertEquals("database gone", RetentionRunListener.failure("FAILED: database gone"));
    }
}
