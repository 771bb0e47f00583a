package io.trailkeeper.jobs.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches pages of Langfuse's public observations API, {@code GET /api/public/v2/observations}
 * (HTTP Basic with the project's public and secret key; {@code limit} 1 to 1000; {@code cursor}
 * from the previous page's {@code meta.cursor}; {@code fromStartTime} as an ISO instant; the field
 * groups in {@code fields}, of which the server silently ignores names it does not know).
 *
 * <p>Failures are told apart: 401 and 403 fail at once (retrying refused keys only locks them);
 * other 4xx fail at once too, since the same request will not fare better; 429 waits as the
 * server's Retry-After asks; 5xx, 408, broken connections, timeouts and a body that is not a page
 * (a proxy's error page served with 200) are retried with exponential backoff, within
 * {@link PullRetries}. Nothing of a response body, and neither key, is logged or put in a message.
 * A body larger than the page limit fails the pull (lower the page size) rather than being cut,
 * because a cut page cannot be read.
 */
public class LangfuseObservationsApi {

    /** Every field group the v2 API has; "core" (ids, type, times) is sent whether asked or not. */
    static final String FIELD_GROUPS = "core,basic,time,io,metadata,model,usage,prompt,metrics,trace_context";
    static final String PATH = "/api/public/v2/observations";
    public static final int MAX_PAGE_SIZE = 1000;

    private static final Logger LOG = Logger.getLogger(LangfuseObservationsApi.class.getName());

    private final URI endpoint;
    private final LangfuseCredentials credentials;
    private final int pageSize;
    private final Instant fromStartTime;
    private final PullRetries retries;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxPageBytes;
    private final int maxObservationBytes;
    private final Pause pause;
    private final Clock clock;

    public LangfuseObservationsApi(URI baseUrl, LangfuseCredentials credentials, int pageSize, Instant fromStartTime,
                                   PullRetries retries, HttpClient http, Duration requestTimeout,
                                   long maxPageBytes, int maxObservationBytes, Pause pause, Clock clock) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("the page size must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        this.endpoint = endpoint(baseUrl);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.pageSize = pageSize;
        this.fromStartTime = fromStartTime;
        this.retries = Objects.requireNonNull(retries, "retries");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.maxPageBytes = maxPageBytes;
        this.maxObservationBytes = maxObservationBytes;
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A client that never follows redirects, so the Authorization header goes only where it was configured to. */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @throws IllegalArgumentException when the base URL is not an absolute http(s) URL without query */
    static URI endpoint(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the base URL must be an absolute http(s) URL such as https://cloud.langfuse.com,"
                    + " without user, query or fragment");
        }
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme + "://" + baseUrl.getRawAuthority() + path + PATH);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the base URL is not a valid URL");
        }
    }

    /** @param cursor the cursor of the page to fetch; null for the first page */
    URI pageUri(String cursor) {
        StringBuilder query = new StringBuilder("fields=").append(encode(FIELD_GROUPS)).append("&limit=").append(pageSize);
        if (fromStartTime != null) {
            query.append("&fromStartTime=").append(encode(fromStartTime.toString()));
        }
        if (cursor != null) {
            query.append("&cursor=").append(encode(cursor));
        }
        return URI.create(endpoint + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param cursor the cursor of the page to fetch; null for the first page
     * @throws PullFailed when the page cannot be had
     */
    public ObservationPage fetch(String cursor) {
        HttpRequest request = HttpRequest.newBuilder(pageUri(cursor))
                .timeout(requestTimeout)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json")
                .GET()
                .build();
        String lastProblem = "no attempt";
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = send(request);
                int status = response.statusCode();
                if (status == 200) {
                    try {
                        return ObservationPage.read(response.body(), maxObservationBytes);
                    } catch (UnreadablePage e) {
                        lastProblem = e.getMessage();
                        wait = retries.backoff(attempt);
                    }
                } else if (status == 401 || status == 403) {
                    throw new PullFailed("Langfuse refused the keys from the configuration properties " + credentials.origin()
                            + " (HTTP " + status + "); check that they are the public and secret key of the project");
                } else if (status == 429) {
                    lastProblem = "HTTP 429 (rate limited)";
                    Optional<String> header = response.headers().firstValue("Retry-After");
                    int failed = attempt;
                    wait = header.flatMap(value -> retries.retryAfter(value, clock.instant()))
                            .orElseGet(() -> retries.backoff(failed));
                } else if (status >= 500 || status == 408) {
                    lastProblem = "HTTP " + status;
                    wait = retries.backoff(attempt);
                } else if (status >= 300 && status < 400) {
                    throw new PullFailed("Langfuse answered with a redirect (HTTP " + status + "); check the base URL "
                            + "(redirects are not followed, so the keys go nowhere else)");
                } else {
                    throw new PullFailed("Langfuse rejected the request (HTTP " + status + ")");
                }
            } catch (PageTooLarge e) {
                throw new PullFailed("a page of observations exceeds " + maxPageBytes
                        + " bytes (trailkeeper.langfuse.max-page-bytes); lower the page size");
            } catch (IOException e) {
                lastProblem = "connection failed (" + e.getClass().getSimpleName() + ")";
                wait = retries.backoff(attempt);
            }
            if (attempt >= retries.maxAttempts()) {
                throw new PullFailed("Langfuse did not deliver a page after " + attempt + " attempts; last: " + lastProblem);
            }
            LOG.log(Level.INFO, "Langfuse page attempt {0} failed ({1}); retrying in {2} ms",
                    new Object[] {attempt, lastProblem, wait.toMillis()});
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullFailed("the pull was interrupted while waiting to retry");
            }
        }
    }

    /** One exchange, bounded in time as a whole (headers and body) and in body size. */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new BoundedBody(maxPageBytes));
        try {
            return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no complete response within " + requestTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new PullFailed("the pull was interrupted while waiting for Langfuse");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // The client may wrap what the body subscriber failed with; the size limit must not pass for a broken connection.
            for (Throwable link = cause; link != null; link = link.getCause()) {
                if (link instanceof PageTooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "exchange failed" : cause.getClass().getSimpleName());
        }
    }

    /** The size limit was hit; not retried, since the same page will be as large again. */
    static final class PageTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PageTooLarge() {
            super(null, null, false, false);
        }
    }

    /** Collects a body up to a limit and gives up beyond it without reading the rest. */
    static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (collected.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new PageTooLarge());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                collected.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(collected.toByteArray());
        }
    }
}
