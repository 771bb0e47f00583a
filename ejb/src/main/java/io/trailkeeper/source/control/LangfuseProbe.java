package io.trailkeeper.source.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Asks Langfuse's public API for one observation to find out whether it is reachable and accepts the
 * keys. Nothing of the answer is kept or logged: only its status matters. Redirects are not followed,
 * so the credentials are never sent to a host the officer did not name.
 */
public final class LangfuseProbe {

    public static final String OBSERVATIONS_PATH = "/api/public/v2/observations";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param status     the HTTP status, or null when no answer came
     * @param reachable  an HTTP answer came
     * @param authorised the API accepted the keys (2xx)
     * @param detail     what happened, for the officer (no credential, no response body)
     */
    public record Answer(Integer status, boolean reachable, boolean authorised, String detail) {
    }

    private final HttpClient http;

    public LangfuseProbe() {
        this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    LangfuseProbe(HttpClient http) {
        this.http = http;
    }

    public Answer probe(String baseUrl, String publicKey, char[] secretKey) {
        URI uri = URI.create(baseUrl + OBSERVATIONS_PATH + "?limit=1");
        String credentials = Base64.getEncoder().encodeToString(
                (publicKey + ":" + new String(secretKey)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json").GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status, true, status / 100 == 2, describe(status));
        } catch (HttpConnectTimeoutException e) {
            return new Answer(null, false, false, "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return new Answer(null, false, false, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(null, false, false, "not reachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, false, false, "interrupted");
        }
    }

    static String describe(int status) {
        if (status / 100 == 2) {
            return "HTTP " + status + ": reachable, the keys are accepted";
        }
        if (status == 401 || status == 403) {
            return "HTTP " + status + ": reachable, but the keys are not accepted (check both properties and the project)";
        }
        if (status / 100 == 3) {
            return "HTTP " + status + ": a redirect, not followed; use the URL it points to as the base URL";
        }
        if (status == 404) {
            return "HTTP 404: reachable, but no Langfuse public API at this base URL";
        }
        return "HTTP " + status + ": reachable, but the API did not answer as expected";
    }
}
