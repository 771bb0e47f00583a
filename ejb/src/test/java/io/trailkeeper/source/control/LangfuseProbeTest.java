package io.trailkeeper.source.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a local stand-in for Langfuse's public API. */
class LangfuseProbeTest {

    private HttpServer langfuse;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    @BeforeEach
    void start() throws IOException {
        langfuse = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        langfuse.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (answer == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
            }
            byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        langfuse.start();
    }

    @AfterEach
    void stop() {
        langfuse.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + langfuse.getAddress().getPort();
    }

    @Test
    void asksForOneObservationWithBasicAuthentication() {
        LangfuseProbe.Answer answered = new LangfuseProbe().probe(baseUrl(), "pk-lf-public", "sk-lf-secret".toCharArray());

        assertTrue(answered.reachable());
        assertTrue(answered.authorised());
        assertEquals(200, answered.status());
        String expected = "Basic " + Base64.getEncoder().encodeToString("pk-lf-public:sk-lf-secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("/api/public/v2/observations?limit=1 " + expected), requests);
        assertFalse(answered.detail().contains("sk-lf-secret"));
    }

    @Test
    void rejectedKeysAreReachableButNotAuthorised() {
        answer = 401;
        LangfuseProbe.Answer answered = new LangfuseProbe().probe(baseUrl(), "p", "s".toCharArray());

        assertTrue(answered.reachable());
        assertFalse(answered.authorised());
        assertTrue(answered.detail().contains("keys are not accepted"), answered.detail());
    }

    @Test
    void redirectsAreNotFollowedSoTheKeysGoNowhereElse() {
        answer = 302;
        LangfuseProbe.Answer answered = new LangfuseProbe().probe(baseUrl(), "p", "s".toCharArray());

        assertEquals(302, answered.status());
        assertFalse(answered.authorised());
        assertEquals(1, requests.size());
    }

    @Test
    void noServerMeansNotReachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LangfuseProbe.Answer answered = new LangfuseProbe().probe("http://127.0.0.1:" + closedPort, "p", "s".toCharArray());

        assertFalse(answered.reachable());
        assertNull(answered.status());
    }
}
