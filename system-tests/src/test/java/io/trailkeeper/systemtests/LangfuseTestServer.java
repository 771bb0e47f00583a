package io.trailkeeper.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays the recorded Langfuse pages on an ephemeral port of this machine, in the server's JVM: the
 * first request for page 2 gets 429 with Retry-After, the first for page 3 gets 500, and a request
 * without the expected Basic credentials gets 401. Optionally holds the first answer for page 2
 * until released, so a test can stop a pull while it waits. Records the cursor of every request.
 */
final class LangfuseTestServer implements AutoCloseable {

    private final HttpServer server;
    private final String expectedAuthorization;
    private final Map<String, String> pages = new HashMap<>();
    private final Map<String, Integer> served = new HashMap<>();
    private final List<String> cursors = Collections.synchronizedList(new ArrayList<>());
    private final boolean holdPage2;
    final CountDownLatch page2Requested = new CountDownLatch(1);
    final CountDownLatch releasePage2 = new CountDownLatch(1);
    /** While true, page 3 answers 503 every time, so a pull gives up after its retries with pages 1 and 2 committed. */
    volatile boolean page3Down;

    LangfuseTestServer(String run, String publicKey, String secretKey, boolean holdPage2) {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((publicKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        this.holdPage2 = holdPage2;
        pages.put("", LangfusePages.page(1, run));
        pages.put(LangfusePages.CURSOR_2, LangfusePages.page(2, run));
        pages.put(LangfusePages.CURSOR_3, LangfusePages.page(3, run));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/public/v2/observations", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the cursor of every request in order; "" for the first page */
    List<String> cursors() {
        synchronized (cursors) {
            return List.copyOf(cursors);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String cursor = cursor(exchange.getRequestURI().getRawQuery());
        cursors.add(cursor);
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"message\":\"Invalid credentials\"}");
            return;
        }
        int count;
        synchronized (served) {
            count = served.merge(cursor, 1, Integer::sum);
        }
        if (cursor.equals(LangfusePages.CURSOR_2) && count == 1) {
            page2Requested.countDown();
            if (holdPage2) {
                awaitRelease();
            } else {
                exchange.getResponseHeaders().add("Retry-After", "1");
                reply(exchange, 429, "{\"message\":\"Rate limit exceeded\",\"code\":\"rate_limited\"}");
                return;
            }
        }
        if (cursor.equals(LangfusePages.CURSOR_3) && page3Down) {
            reply(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            return;
        }
        if (cursor.equals(LangfusePages.CURSOR_3) && count == 1) {
            reply(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        String page = pages.get(cursor);
        if (page == null) {
            reply(exchange, 400, "{\"message\":\"Invalid cursor format\"}");
        } else {
            reply(exchange, 200, page);
        }
    }

    private void awaitRelease() {
        try {
            releasePage2.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String cursor(String rawQuery) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("cursor=")) {
                    return URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releasePage2.countDown();
        server.stop(0);
    }
}
