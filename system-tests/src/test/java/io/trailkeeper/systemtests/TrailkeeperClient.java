package io.trailkeeper.systemtests;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Talks to the running Trailkeeper over HTTP as an API client would. */
final class TrailkeeperClient {

    static final String ADMIN = "admin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    TrailkeeperClient() {
        this.base = URI.create(System.getProperty("trailkeeper.base-url", "http://localhost:8080"));
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    static String adminPassword() {
        return System.getProperty("trailkeeper.admin.password");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String authorization) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates an account through the admin API, lets its holder replace the one-time password with
     * their own, and returns its Authorization header value.
     */
    String createAccount(String role) {
        String[] oneTime = createAccountWithOneTimePassword(role);
        String username = oneTime[0];
        String password = oneTime[1];
        // An administrator only hands out a one-time password: the holder chooses their own first.
        String own = "own-" + UUID.randomUUID();
        HttpResponse<String> changed = send("PUT", "/api/me/password", basic(username, password), "application/json",
                Json.createObjectBuilder().add("currentPassword", password).add("newPassword", own).build().toString());
        if (changed.statusCode() != 204) {
            throw new IllegalStateException("could not choose the password of " + username + ": " + changed.statusCode() + " " + changed.body());
        }
        return basic(username, own);
    }

    /**
     * Creates an account through the admin API as an administrator does: with a one-time password its
     * holder must change at first sign-in. Returns [user name, one-time password].
     */
    String[] createAccountWithOneTimePassword(String role) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        HttpResponse<String> created = send("POST", "/api/accounts", basic(ADMIN, adminPassword()), "application/json",
                Json.createObjectBuilder().add("username", username)
                        .add("roles", Json.createArrayBuilder(List.of(role)))
                        .add("password", password).build().toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create a " + role + " account: " + created.statusCode() + " " + created.body());
        }
        return new String[] {username, password};
    }

    /** Uploads an agent-action trail and waits until its import has finished; returns the final status. */
    JsonObject importAndWait(String authorization, String source, String jsonLines) {
        return importAndWait(authorization, source, "agent-actions", jsonLines);
    }

    /** Uploads a trail in the given format and waits until its import has finished; returns the final status. */
    JsonObject importAndWait(String authorization, String source, String format, String jsonLines) {
        HttpResponse<String> started = send("POST", "/api/imports?source=" + source + "&format=" + format + "&fileName=trail.jsonl",
                authorization, "application/x-ndjson", jsonLines);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("import not accepted: " + started.statusCode() + " " + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = json(get(URI.create(location).getPath(), authorization).body()).asJsonObject();
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status.getString("status"))) {
                return status;
            }
            sleep(300);
        }
        throw new IllegalStateException("import " + location + " did not finish within 90 s");
    }

    static JsonStructure json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
