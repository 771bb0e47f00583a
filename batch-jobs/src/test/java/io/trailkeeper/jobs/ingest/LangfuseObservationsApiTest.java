package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages fetched from a real local HTTP server that plays recorded Langfuse pages, failures included. */
class LangfuseObservationsApiTest {

    static final String PUBLIC_KEY = "pk-lf-5ad4c8f1-test";
    static final String SECRET_KEY = "sk-lf-93b0e6aa-test";
    static final String CURSOR_2 = "eyJsYXN0SWQiOiI5ZjFjMmE0MC0wMDAzIn0=";
    static final String CURSOR_3 = "eyJsYXN0SWQiOiI5ZjFjMmE0MC0wMDA2In0=";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    final RecordedLangfuse langfuse = new RecordedLangfuse()
            .page(null, RecordedLangfuse.resource("page-1.json"))
            .page(CURSOR_2, RecordedLangfuse.resource("page-2.json"))
            .page(CURSOR_3, RecordedLangfuse.resource("page-3.json"));
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopServer() {
        langfuse.close();
    }

    LangfuseObservationsApi api(int maxAttempts, Instant from, long maxPageBytes, String publicKey, String secretKey) {
        LangfuseCredentials credentials = LangfuseCredentials.resolve(
                name -> Optional.ofNullable(Map.of("trailkeeper.source-keys.test.public-key", publicKey, "trailkeeper.source-keys.test.secret-key", secretKey).get(name)),
                "trailkeeper.source-keys.test.public-key", "trailkeeper.source-keys.test.secret-key");
        return new LangfuseObservationsApi(langfuse.baseUrl(), credentials, 3, from,
                new PullRetries(maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)),
                LangfuseObservationsApi.httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(10),
                maxPageBytes, 1024 * 1024, waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    LangfuseObservationsApi api() {
        return api(5, null, 1024 * 1024, PUBLIC_KEY, SECRET_KEY);
    }

    static List<PulledObservation> walkAll(LangfuseObservationsApi api) {
        ObservationWalk walk = new ObservationWalk(api::fetch, PullPosition.start());
        List<PulledObservation> all = new ArrayList<>();
        for (PulledObservation next = walk.next(); next != null; next = walk.next()) {
            all.add(next);
        }
        return all;
    }

    @Test
    void everyObservationArrivesOnceThroughA429AndA500() {
        langfuse.failFirst(CURSOR_2, new RecordedLangfuse.Reply(429, Map.of("Retry-After", "2"),
                        "{\"message\":\"Rate limit exceeded\",\"code\":\"rate_limited\"}".getBytes(StandardCharsets.UTF_8)))
                .failFirst(CURSOR_3, RecordedLangfuse.Reply.json(500, "{\"message\":\"Internal Server Error\"}"));

        List<PulledObservation> all = walkAll(api());

        assertEquals(List.of("9f1c2a40-0001", "9f1c2a40-0002", "9f1c2a40-0003", "9f1c2a40-0004", "9f1c2a40-0005",
                "9f1c2a40-0006", "9f1c2a40-0007", "9f1c2a40-0008"), all.stream().map(o -> o.entry().id()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), all.stream().map(PulledObservation::number).toList());
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 2L, 3L, 3L), all.stream().map(PulledObservation::pageNumber).toList());
        List<String> cursors = langfuse.requests().stream().map(RecordedLangfuse.Request::cursor).toList();
        assertEquals(java.util.Arrays.asList(null, CURSOR_2, CURSOR_2, CURSOR_3, CURSOR_3), cursors,
                "the first page without cursor, then each page's cursor, once more after each failure and never after the last page");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofMillis(200)), waits,
                "429 waits as Retry-After asks; 500 backs off");
    }

    @Test
    void eachRequestCarriesTheKeysAsBasicAuthAndAsksForEveryFieldGroup() {
        walkAll(api(5, Instant.parse("2026-11-01T00:00:00Z"), 1024 * 1024, PUBLIC_KEY, SECRET_KEY));
        String expected = "Basic " + Base64.getEncoder().encodeToString((PUBLIC_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8));
        assertEquals(3, langfuse.requests().size());
        for (RecordedLangfuse.Request request : langfuse.requests()) {
            assertAll(
                    () -> assertEquals(expected, request.authorization()),
                    () -> assertEquals("3", request.query().get("limit")),
                    () -> assertEquals("2026-11-01T00:00:00Z", request.query().get("fromStartTime")),
                    () -> assertEquals("core,basic,time,io,metadata,model,usage,prompt,metrics,trace_context", request.query().get("fields")));
        }
    }

    @Test
    void theLastPageHasNoCursor() {
        ObservationPage last = api().fetch(CURSOR_3);
        assertNull(last.nextCursor());
        assertEquals(2, last.observations().size());
        assertEquals(CURSOR_2, api().fetch(null).nextCursor());
    }

    @Test
    void refusedKeysFailAtOnceNamingThePropertiesNotTheValues() {
        langfuse.failFirst(null, RecordedLangfuse.Reply.json(401, "{\"message\":\"Invalid credentials. Confirm that you've configured the correct host.\"}"));
        PullFailed failure = assertThrows(PullFailed.class, () -> api().fetch(null));
        assertEquals("Langfuse refused the keys from the configuration properties 'trailkeeper.source-keys.test.public-key' and "
                + "'trailkeeper.source-keys.test.secret-key' (HTTP 401); check that they are the public and secret key of the project", failure.getMessage());
        assertFalse(failure.getMessage().contains(SECRET_KEY));
        assertFalse(failure.getMessage().contains("Invalid credentials"), "no response body in messages");
        assertEquals(1, langfuse.requests().size(), "refused keys are not retried");
        assertTrue(waits.isEmpty());
    }

    @Test
    void aSourceThatKeepsFailingIsGivenUpOnAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            langfuse.failFirst(null, RecordedLangfuse.Reply.json(503, "{}"));
        }
        PullFailed failure = assertThrows(PullFailed.class, () -> api(3, null, 1024 * 1024, PUBLIC_KEY, SECRET_KEY).fetch(null));
        assertEquals("Langfuse did not deliver a page after 3 attempts; last: HTTP 503", failure.getMessage());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), waits, "exponential backoff, no wait after the last attempt");
    }

    @Test
    void aBodyThatIsNotAPageIsRetriedThenRead() {
        langfuse.failFirst(null, new RecordedLangfuse.Reply(200, Map.of("Content-Type", "text/html"),
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, api().fetch(null).observations().size());
        assertEquals(2, langfuse.requests().size());
    }

    @Test
    void aBodyBeyondThePageLimitFailsThePull() {
        PullFailed failure = assertThrows(PullFailed.class, () -> api(5, null, 2048, PUBLIC_KEY, SECRET_KEY).fetch(null));
        assertEquals("a page of observations exceeds 2048 bytes (trailkeeper.langfuse.max-page-bytes); lower the page size",
                failure.getMessage());
        assertEquals(1, langfuse.requests().size());
    }

    @Test
    void aRequestTheSourceRejectsIsNotRetried() {
        PullFailed failure = assertThrows(PullFailed.class, () -> api().fetch("not-a-cursor"));
        assertEquals("Langfuse rejected the request (HTTP 400)", failure.getMessage());
    }

    @Test
    void anUnreachableSourceIsRetriedThenReported() {
        java.net.URI closed = langfuse.baseUrl();
        langfuse.close();
        LangfuseCredentials credentials = LangfuseCredentials.resolve(name -> Optional.of("k"), "trailkeeper.source-keys.a", "trailkeeper.source-keys.b");
        LangfuseObservationsApi api = new LangfuseObservationsApi(closed, credentials, 10, null,
                new PullRetries(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO),
                LangfuseObservationsApi.httpClient(Duration.ofSeconds(2)), Duration.ofSeconds(5), 4096, 1024, waits::add, Clock.systemUTC());
        PullFailed failure = assertThrows(PullFailed.class, () -> api.fetch(null));
        assertTrue(failure.getMessage().startsWith("Langfuse did not deliver a page after 2 attempts; last: connection failed ("),
                failure.getMessage());
    }

    @Test
    void theBaseUrlIsCheckedAndTheApiPathAppended() {
        assertEquals("https://cloud.langfuse.com/api/public/v2/observations",
                LangfuseObservationsApi.endpoint(java.net.URI.create("https://cloud.langfuse.com/")).toString());
        assertEquals("https://lf.example.invalid/langfuse/api/public/v2/observations",
                LangfuseObservationsApi.endpoint(java.net.URI.create("https://lf.example.invalid/langfuse")).toString());
        for (String bad : List.of("ftp://cloud.langfuse.com", "cloud.langfuse.com", "https://user:pw@cloud.langfuse.com", "https://x.invalid/?a=b")) {
            assertThrows(IllegalArgumentException.class, () -> LangfuseObservationsApi.endpoint(java.net.URI.create(bad)), bad);
        }
    }

    @Test
    void pagesKeepEachObservationsExactBytes() {
        ObservationPage page = api().fetch(null);
        String body = RecordedLangfuse.resource("page-1.json");
        for (ObservationEntry entry : page.observations()) {
            byte[] all = body.getBytes(StandardCharsets.UTF_8);
            byte[] at = java.util.Arrays.copyOfRange(all, (int) entry.byteOffset(), (int) entry.byteOffset() + entry.bytes().length);
            assertArrayEquals(at, entry.bytes(), "the element's own text, at its offset");
        }
    }
}
