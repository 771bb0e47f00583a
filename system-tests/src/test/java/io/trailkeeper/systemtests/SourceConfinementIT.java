package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An officer cannot make the server read files, send configuration or make requests it should not:
 * key properties only from the source-key namespace, outbound requests only to hosts an
 * administrator allowed (the tests allow 127.0.0.1 alone), watched directories only inside the
 * roots (the domain's {@code trailkeeper/watched} and the tests' root), and a test of a source
 * reveals nothing about what lies outside them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourceConfinementIT {

    /** Set in the server's environment by the pom; their values are keys the recorded Langfuse refuses. */
    static final String WRONG_PUBLIC_KEY = "trailkeeper.source-keys.wrong.public-key";
    static final String WRONG_SECRET_KEY = "trailkeeper.source-keys.wrong.secret-key";

    private final TrailkeeperClient client = new TrailkeeperClient();
    private String officer;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    /** A fresh directory inside the root the test server allows ({@code trailkeeper.sources.watch-roots}). */
    static Path watchedDirectory(String prefix) {
        try {
            Path root = Files.createDirectories(Path.of(System.getProperty("trailkeeper.test.watch-root")));
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void officer() {
        officer = client.createAccount("COMPLIANCE_OFFICER");
    }

    @Test
    void keyPropertiesOutsideTheSourceKeyNamespaceAreRefusedAndNothingIsSent() throws IOException {
        // Listening where the server may send (127.0.0.1 is allowed), so only the names stop it.
        try (Listener listener = new Listener("127.0.0.1")) {
            for (String[] names : List.of(new String[] {"user.name", "java.home"},
                    new String[] {"trailkeeper.db.password", "trailkeeper.crypto.master-key"},
                    new String[] {"TRAILKEEPER_ADMIN_PASSWORD", WRONG_SECRET_KEY})) {
                HttpResponse<String> added = add(langfuse(listener.baseUrl(), names[0], names[1]));
                assertProblem(added, 422);
                String detail = json(added.body()).asJsonObject().getString("detail");
                assertTrue(detail.contains("publicKeyProperty: must be a property of the source-key namespace, trailkeeper.source-keys."),
                        detail);
            }
            assertEquals(0, listener.connections(), "no request went out");
        }
    }

    @Test
    void privateHostsThatNoAdministratorAllowedAreRefusedAndNeverContacted() throws IOException {
        try (Listener listener = new Listener("127.0.0.2")) {
            for (String baseUrl : List.of(listener.baseUrl(), "https://127.0.0.2:" + listener.port(), "https://[::1]:9",
                    "https://localhost.localdomain.invalid", "http://127.0.0.3:9")) {
                HttpResponse<String> added = add(langfuse(baseUrl, "trailkeeper.source-keys.test.public-key",
                        "trailkeeper.source-keys.test.secret-key"));
                if (baseUrl.contains(".invalid")) {
                    // Unresolvable now: saved, and judged again before any request it would get.
                    assertEquals(201, added.statusCode(), added.body());
                    continue;
                }
                assertProblem(added, 422);
                assertTrue(json(added.body()).asJsonObject().getString("detail").contains(
                        "a loopback, private or other non-public address; requests go only to public hosts unless an administrator"
                                + " lists the host in trailkeeper.sources.allowed-private-hosts"), added.body());
            }
            assertEquals(0, listener.connections(), "no request went out");
        }
    }

    @Test
    void directoriesOutsideTheRootsAreRefusedAndTheirExistenceIsNotRevealed() throws IOException {
        Path inside = watchedDirectory("confined-");
        Path link = Files.createSymbolicLink(inside.resolve("to-etc"), Path.of("/etc"));
        for (String outside : List.of("/", "/etc", "/root", "/tmp", inside.getParent().getParent().toString(), link.toString(),
                inside + "/../../..")) {
            HttpResponse<String> added = add(files(outside));
            assertProblem(added, 422);
            String detail = json(added.body()).asJsonObject().getString("detail");
            assertTrue(detail.startsWith("watchedDirectory: "), detail);
            assertFalse(detail.contains("exist"), "whether the path exists is not said: " + detail);
        }

        // Inside a root, a missing directory may be configured ahead of the exporter and its test says so.
        JsonObject missing = json(add(files(inside.resolve("not-yet").toString())).body()).asJsonObject();
        JsonObject tested = test(missing.getString("id"));
        assertFalse(tested.getBoolean("passed"));
        assertEquals("no such path on the server", tested.getJsonArray("checks").getJsonObject(0).getString("detail"), tested.toString());

        // A link created after the source was saved is judged again by the test and by a pull.
        Path later = Files.createDirectory(inside.resolve("later"));
        JsonObject source = json(add(files(later.toString())).body()).asJsonObject();
        Files.delete(later);
        Files.createSymbolicLink(later, Path.of("/etc"));
        JsonObject retested = test(source.getString("id"));
        assertFalse(retested.getBoolean("passed"));
        assertEquals("allowed", retested.getJsonArray("checks").getJsonObject(0).getString("name"), retested.toString());
        assertFalse(retested.toString().contains("file(s)"), "nothing of /etc is listed: " + retested);
        HttpResponse<String> pull = client.send("POST", "/api/sources/" + source.getString("id") + "/pulls", officer, "application/json", "");
        assertProblem(pull, 422);
        assertTrue(pull.body().contains("leads through a symbolic link out of the directories Trailkeeper may read"), pull.body());
    }

    private HttpResponse<String> add(String body) {
        return client.send("POST", "/api/sources", officer, "application/json", body);
    }

    private JsonObject test(String id) {
        HttpResponse<String> tested = client.send("POST", "/api/sources/" + id + "/test", officer, "application/json", "");
        assertEquals(200, tested.statusCode(), tested.body());
        return json(tested.body()).asJsonObject();
    }

    private static String langfuse(String baseUrl, String publicKey, String secretKey) {
        return Json.createObjectBuilder().add("name", "confined-" + new AgentTrail().suffix).add("kind", "LANGFUSE_API")
                .add("baseUrl", baseUrl).add("publicKeyProperty", publicKey).add("secretKeyProperty", secretKey)
                .add("enabled", false).build().toString();
    }

    private static String files(String directory) {
        return Json.createObjectBuilder().add("name", "confined-" + new AgentTrail().suffix).add("kind", "JSONL_FILE")
                .add("watchedDirectory", directory).add("enabled", false).build().toString();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertFalse(response.body().contains("at io.trailkeeper"), "no stack trace in " + response.body());
    }

    /** Listens on a loopback address and counts who connects. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        Listener(String address) throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.setSoTimeout(200);
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        socket.accept().close();
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // look again
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String baseUrl() {
            return "http://" + socket.getInetAddress().getHostAddress() + ":" + port();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
