package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailkeeper.source.entity.PullState;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;

class RunHistoryListenerTest {

    @Test
    void aJobStillStartedWhenItsListenersRunHasCompletedAndOneStoppingHasStopped() {
        // The batch runtime moves the job to its final status only after afterJob.
        assertEquals(PullState.COMPLETED, RunHistoryListener.endState(BatchStatus.STARTED));
        assertEquals(PullState.STOPPED, RunHistoryListener.endState(BatchStatus.STOPPING));
        assertEquals(PullState.FAILED, RunHistoryListener.endState(BatchStatus.FAILED));
    }

    @Test
    void theFailureIsTheReasonTheJobGaveOrAPointerToTheLog() {
        assertEquals("HTTP 401 from Langfuse: check the key properties",
                RunHistoryListener.failure("FAILED: HTTP 401 from Langfuse: check the key properties"));
        assertEquals("the job failed; the server log says why", RunHistoryListener.failure("FAILED"));
        assertEquals("the job failed; the server log says why", RunHistoryListener.failure(null));
    }
}
