package io.trailkeeper.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.jobs.ingest.UploadRejected;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    // The mapper logs unexpected errors with their stack trace; that is right in the server, noise here.
    final Logger mapperLog = Logger.getLogger(ProblemMapper.class.getName());
    Level levelBefore;

    @BeforeEach
    void quietMapperLog() {
        levelBefore = mapperLog.getLevel();
        mapperLog.setLevel(Level.OFF);
    }

    @AfterEach
    void restoreMapperLog() {
        mapperLog.setLevel(levelBefore);
    }

    @Test
    void aBodyThatStoppedBeforeItsLengthIsTheClientsFaultNotBadJson() {
        Problem stalled = ProblemMapper.problemFor(new jakarta.ws.rs.ProcessingException(
                new java.io.IOException(new java.util.concurrent.TimeoutException())));
        assertEquals(400, stalled.status());
        assertEquals("the request body ended before all of it arrived; send the request again", stalled.detail());

        Problem notJson = ProblemMapper.problemFor(new jakarta.ws.rs.ProcessingException("Unexpected char"));
        assertEquals("the request body is not valid JSON for this operation", notJson.detail());
    }

    @Test
    void aRejectedAccountChangeIsABadRequestWithItsMessage() {
        Problem problem = ProblemMapper.problemFor(new AccountRejected("the user name 'alice' is taken"));

        assertEquals(400, problem.status());
        assertEquals("the user name 'alice' is taken", problem.detail());
        assertEquals("urn:trailkeeper:problem:bad-request", problem.type());
    }

    @Test
    void aTooLargeUploadIsContentTooLarge() {
        Problem problem = ProblemMapper.problemFor(new UploadRejected("the upload is larger than the limit", true));

        assertEquals(413, problem.status());
        assertEquals("the upload is larger than the limit", problem.detail());
        assertEquals("urn:trailkeeper:problem:content-too-large", problem.type());
    }

    @Test
    void anUploadRejectedForAnotherReasonIsABadRequest() {
        Problem problem = ProblemMapper.problemFor(new UploadRejected("the upload is empty", false));

        assertEquals(400, problem.status());
        assertEquals("the upload is empty", problem.detail());
    }

    @Test
    void anInvalidArgumentIsABadRequestWithItsMessage() {
        Problem problem = ProblemMapper.problemFor(new IllegalArgumentException("'from' must be before 'to'"));

        assertEquals(400, problem.status());
        assertEquals("'from' must be before 'to'", problem.detail());
    }

    @Test
    void notFoundStaysNotFound() {
        Problem problem = ProblemMapper.problemFor(new NotFoundException("no import 42"));

        assertEquals(404, problem.status());
        assertEquals("Not Found", problem.title());
        assertEquals("no import 42", problem.detail());
    }

    @Test
    void otherClientErrorsKeepTheirStatus() {
        assertEquals(403, ProblemMapper.problemFor(new ForbiddenException()).status());
    }

    @Test
    void anUnexpectedErrorIsAnIncidentThatRevealsNothingOfTheCause() {
        Problem problem = ProblemMapper.problemFor(new RuntimeException("secret detail"));

        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("secret detail"), problem.detail());
        assertTrue(problem.detail().contains("incident"), problem.detail());
    }

    @Test
    void aServerSideWebApplicationExceptionIsAlsoHidden() {
        Problem problem = ProblemMapper.problemFor(new InternalServerErrorException("jdbc:postgresql://db/trail?password=x"));

        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("password"), problem.detail());
    }

    @Test
    void eachIncidentHasItsOwnId() {
        String first = ProblemMapper.problemFor(new IllegalStateException("a")).detail();
        String second = ProblemMapper.problemFor(new IllegalStateException("a")).detail();

        assertNotEquals(first, second);
    }
}
