package io.trailkeeper.web.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.web.platform.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceProblemsTest {

    private static Problem problem(SourceRejected.Reason reason) {
        return SourceProblems.problemFor(new SourceRejected(reason, List.of("first", "second")));
    }

    @Test
    void eachRefusalHasTheStatusThatSaysWhatToDo() {
        assertEquals(422, problem(SourceRejected.Reason.INVALID).status());
        assertEquals(409, problem(SourceRejected.Reason.NAME_TAKEN).status());
        assertEquals(409, problem(SourceRejected.Reason.PULL_RUNNING).status());
        assertEquals(404, problem(SourceRejected.Reason.UNKNOWN).status());
        assertEquals(503, problem(SourceRejected.Reason.PULL_UNAVAILABLE).status());
    }

    @Test
    void everyProblemIsListedInTheDetail() {
        Problem problem = problem(SourceRejected.Reason.INVALID);
        assertEquals("first; second", problem.detail());
        assertEquals("urn:trailkeeper:problem:unprocessable-content", problem.type());
    }
}
