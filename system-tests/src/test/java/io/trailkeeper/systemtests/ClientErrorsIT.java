package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests a client got wrong are answered 4xx (or sent back to the page), never with a server error. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientErrorsIT {

    private static final String FAR_PAGE = "page=2147483647";
    private final TrailkeeperClient client = new TrailkeeperClient();

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @Test
    void aPageFarBeyondTheEndIsTheClientsMistake() {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        for (String path : new String[] {"/api/events?" + FAR_PAGE, "/api/events?size=500&page=4294968", "/api/quarantine?" + FAR_PAGE}) {
            HttpResponse<String> answer = client.get(path, officer);
            assertEquals(400, answer.statusCode(), path + ": " + answer.body());
            assertTrue(json(answer.body()).asJsonObject().getString("detail").startsWith("page is too far"), answer.body());
        }
        HttpClient browser = signedInBrowser(officer);
        for (String page : new String[] {"/app/events.xhtml?" + FAR_PAGE, "/app/quarantine.xhtml?" + FAR_PAGE}) {
            HttpResponse<String> shown = FacesForm.page(client, browser, page);
            assertEquals(400, shown.statusCode(), page);
            assertTrue(shown.body().contains("page is too far"), "the page says why: " + shown.body());
        }
    }

    @Test
    void aFormPostedWithAViewStateTheServerDoesNotHoldGoesBackToItsPage() {
        FacesForm signIn = FacesForm.signIn(client);
        HttpResponse<String> anonymous = new FacesForm(client, signIn.browser(), signIn.formId(), signIn.action(), "forged:-123")
                .submit("someone", "whatever");
        assertEquals(302, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/signin.xhtml"), anonymous.headers().map().toString());

        HttpClient browser = signedInBrowser(client.createAccount("COMPLIANCE_OFFICER"));
        FacesForm verify = FacesForm.open(client, browser, "/app/integrity.xhtml", "verifyForm", null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("verify", "Verify now");
        HttpResponse<String> expired = new FacesForm(client, browser, verify.formId(), verify.action(), "-4711:-4711").submit(fields, null);
        assertEquals(302, expired.statusCode(), expired.body());
        assertTrue(expired.headers().firstValue("Location").orElse("").endsWith("/app/integrity.xhtml"), expired.headers().map().toString());
    }

    @Test
    void anUploadThatStallsBeforeItsContentLengthIsRefusedAsTheClientsFault() throws IOException {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        URI base = client.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(120_000); // the server gives up on the body after its read timeout (30 s)
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/imports?source=stalled-" + new AgentTrail().suffix + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: " + officer + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: 100000\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("{\"eventId\":\"e-1\",\"agent\":\"a\"}\n".getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and then nothing more: the client stalls with the connection open
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("the upload ended before all of it arrived"), answer);
            assertFalse(answer.contains("incident"), "not logged as a server fault: " + answer);
        }
    }

    private HttpClient signedInBrowser(String authorization) {
        String[] credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        return FacesForm.signedIn(client, credentials[0], credentials[1]);
    }
}
