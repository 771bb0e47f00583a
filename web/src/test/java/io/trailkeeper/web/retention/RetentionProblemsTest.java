package io.trailkeeper.web.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.web.platform.Problem;
import org.junit.jupiter.api.Test;

class RetentionProblemsTest {

    private static Problem problem(RetentionRejected.Reason reason, String detail) {
        return RetentionProblems.problemFor(new RetentionRejected(reason, detail));
    }

    @Test
    void eachRefusalHasTheStatusThatSaysWhatToDo() {
        assertEquals(422, problem(RetentionRejected.Reason.INVALID, "x").status());
        assertEquals(422, problem(RetentionRejected.Reason.BELOW_FLOOR, "x").status());
        assertEquals(404, problem(RetentionRejected.Reason.UNKNOWN, "x").status());
        assertEquals(409, problem(RetentionRejected.Reason.CONFLICT, "x").status());
    }

    @Test
    void aFloorRefusalHasItsOwnTypeAndNamesTheRule() {
        Problem floor = problem(RetentionRejected.Reason.BELOW_FLOOR,
                "30 days for DATA_ACCESS_EVENT undercuts the legal floor HIPAA documentation retention (45 CFR 164.316(b)(2)(i))");
        assertEquals("urn:trailkeeper:problem:below-legal-floor", floor.type());
        assertTrue(floor.detail().contains("45 CFR 164.316(b)(2)(i)"));
    }
}
