package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser or API client sees of the web tier's hardening, on the plain and the HTTPS listener:
 * the security headers on pages, API answers, the container's own 401 and 404, no version
 * disclosure, a session cookie that other sites cannot send along, and no anonymous /metrics.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    private final TrailkeeperClient client = new TrailkeeperClient();

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeadersAndNoVersion() {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        Map<String, HttpResponse<String>> answers = Map.of(
                "sign-in page", client.get("/signin.xhtml", null),
                "API answer", client.get("/api/events?size=1", officer),
                "API refusal", client.get("/api/events", null),
                "unknown URL", client.get("/no-such-page", null));
        assertEquals(200, answers.get("sign-in page").statusCode());
        assertEquals(200, answers.get("API answer").statusCode());
        assertEquals(401, answers.get("API refusal").statusCode());
        assertEquals(404, answers.get("unknown URL").statusCode());
        answers.forEach((what, response) -> assertHardened(what, response.headers().map()));
        answers.forEach((what, response) -> assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"),
                what + ": personal data and evidence are never cached"));
    }

    @Test
    void theStyleSheetMayBeCachedButNotSniffed() {
        String page = client.get("/signin.xhtml", null).body();
        Matcher stylesheet = Pattern.compile("href=\"([^\"]*trailkeeper\\.css[^\"]*)\"").matcher(page);
        assertTrue(stylesheet.find(), page);
        HttpResponse<String> css = client.get(stylesheet.group(1).replace("&amp;", "&"), null);
        assertEquals(200, css.statusCode());
        assertEquals(Optional.of("nosniff"), css.headers().firstValue("X-Content-Type-Options"));
        assertFalse(css.headers().allValues("Cache-Control").contains("no-store"));
    }

    @Test
    void theSessionCookieStaysOnTrailkeepersOwnPages() {
        HttpHeaders headers = client.get("/signin.xhtml", null).headers();
        String cookie = sessionCookie(headers.allValues("Set-Cookie"));
        assertAll(() -> assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie),
                () -> assertTrue(cookie.toLowerCase().contains("httponly"), cookie),
                () -> assertFalse(cookie.toLowerCase().contains("secure"), "plain HTTP cannot carry a Secure cookie: " + cookie));
    }

    @Test
    void overHttpsTheBrowserIsToldToStayOnHttpsAndTheCookieIsSecure() throws IOException, GeneralSecurityException {
        HttpsURLConnection https = https("/signin.xhtml", null);
        try (InputStream body = https.getInputStream()) {
            body.readAllBytes();
        }
        assertEquals(200, https.getResponseCode());
        Map<String, List<String>> headers = https.getHeaderFields();
        assertHardened("HTTPS page", headers);
        assertEquals("max-age=31536000; includeSubDomains", https.getHeaderField("Strict-Transport-Security"));
        String cookie = sessionCookie(headers.getOrDefault("Set-Cookie", List.of()));
        assertTrue(cookie.toLowerCase().contains("samesite=strict") && cookie.toLowerCase().contains("secure"), cookie);
    }

    @Test
    void metricsAreOnlyForAdministratorsOverHttps() throws IOException, GeneralSecurityException {
        HttpResponse<String> plain = client.get("/metrics", null);
        assertEquals(302, plain.statusCode(), "over plain HTTP: sent to HTTPS, nothing shown: " + plain.body());
        assertEquals(Optional.of("https://localhost:8181/metrics"), plain.headers().firstValue("Location"));
        assertFalse(plain.body().contains("jvm") || plain.body().contains("Pool"), plain.body());

        assertEquals(401, https("/metrics", null).getResponseCode(), "anonymous");
        assertEquals(403, https("/metrics", client.createAccount("COMPLIANCE_OFFICER")).getResponseCode(), "an officer");
        HttpsURLConnection admin = https("/metrics", TrailkeeperClient.basic(TrailkeeperClient.ADMIN, TrailkeeperClient.adminPassword()));
        assertEquals(200, admin.getResponseCode(), "an administrator");
        try (InputStream body = admin.getInputStream()) {
            assertTrue(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("# TYPE"));
        }
    }

    /** A request to the HTTPS listener, trusting the domain's own self-signed certificate: only the answer is under test. */
    private static HttpsURLConnection https(String path, String authorization) throws IOException, GeneralSecurityException {
        HttpsURLConnection https = (HttpsURLConnection) new URL("https://localhost:8181" + path).openConnection();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new TrustingManager()}, null);
        https.setSSLSocketFactory(trustAll.getSocketFactory());
        https.setHostnameVerifier((host, session) -> true);
        https.setInstanceFollowRedirects(false);
        if (authorization != null) {
            https.setRequestProperty("Authorization", authorization);
        }
        return https;
    }

    private static void assertHardened(String what, Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                lower.put(name, values);
            }
        });
        assertAll(what,
                () -> assertEquals(List.of(CSP), lower.get("Content-Security-Policy"), what),
                () -> assertEquals(List.of("nosniff"), lower.get("X-Content-Type-Options"), what),
                () -> assertEquals(List.of("DENY"), lower.get("X-Frame-Options"), what),
                () -> assertEquals(List.of("no-referrer"), lower.get("Referrer-Policy"), what),
                () -> assertFalse(lower.containsKey("Server"), what + " names no server: " + lower.get("Server")),
                () -> assertFalse(lower.containsKey("X-Powered-By"), what + ": " + lower.get("X-Powered-By")));
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }

    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
