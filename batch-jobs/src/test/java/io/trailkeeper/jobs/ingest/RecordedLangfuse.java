package io.trailkeeper.jobs.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on an ephemeral port of this machine that plays recorded Langfuse observation
 * pages, with failures scripted in front of chosen pages, and records every request it gets.
 */
final class RecordedLangfuse implements AutoCloseable {

    static final String PATH = "/api/public/v2/observations";

    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Request(String cursor, Map<String, String> query, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Reply> pages = new HashMap<>();
    private final Map<String, Deque<Reply>> failures = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    RecordedLangfuse() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::answer);
        server.start();
    }

    static String resource(String name) {
        try (InputStream in = RecordedLangfuse.class.getResourceAsStream("/langfuse/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing recorded page " + name, e);
        }
    }

    /** @param cursor the cursor that fetches this page; null for the first page */
    RecordedLangfuse page(String cursor, String body) {
        pages.put(key(cursor), Reply.json(200, body));
        return this;
    }

    /** Answers the next request for this page with {@code reply} instead, once per call. */
    synchronized RecordedLangfuse failFirst(String cursor, Reply reply) {
        failures.computeIfAbsent(key(cursor), k -> new ArrayDeque<>()).add(reply);
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private static String key(String cursor) {
        return cursor == null ? "" : cursor;
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String cursor = query.get("cursor");
        requests.add(new Request(cursor, query, exchange.getRequestHeaders().getFirst("Authorization")));
        Reply reply;
        synchronized (this) {
            Deque<Reply> scripted = failures.get(key(cursor));
            reply = scripted != null && !scripted.isEmpty() ? scripted.poll() : pages.get(key(cursor));
        }
        if (reply == null) {
            reply = Reply.json(400, "{\"message\":\"Invalid cursor format\"}");
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
