package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A Faces form as a browser posts it: with the browser's session cookie and the form's view state. */
record FacesForm(TrailkeeperClient client, HttpClient browser, String formId, String action, String viewState) {

    /** A browser of its own: a cookie jar, and redirects are seen rather than followed. */
    static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The sign-in form in a fresh browser, from 127.0.0.1. */
    static FacesForm signIn(TrailkeeperClient client) {
        return open(client, newBrowser(), "/signin.xhtml", "signin", null);
    }

    static FacesForm open(TrailkeeperClient client, HttpClient browser, String path, String formId, String forwardedFor) {
        HttpResponse<String> page = send(browser, request(client.uri(path).toString(), forwardedFor).GET().build());
        assertEquals(200, page.statusCode(), path + ": " + page.body());
        return of(client, browser, formId, page);
    }

    /** The same form as the page that came back after posting it shows it. */
    FacesForm again(HttpResponse<String> page) {
        return of(client, browser, formId, page);
    }

    HttpResponse<String> submit(String user, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("next", "");
        fields.put("username", user);
        fields.put("password", password);
        fields.put("submit", "Sign in");
        return submit(fields, null);
    }

    HttpResponse<String> submit(Map<String, String> fields, String forwardedFor) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(formId, formId);
        all.putAll(fields);
        all.put("jakarta.faces.ViewState", viewState);
        String body = all.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(browser, request(client.uri(action).toString(), forwardedFor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static FacesForm of(TrailkeeperClient client, HttpClient browser, String formId, HttpResponse<String> page) {
        return new FacesForm(client, browser, formId, attribute(page.body(), "<form id=\"" + formId + "\"", "action"),
                attribute(page.body(), "name=\"jakarta.faces.ViewState\"", "value"));
    }

    private static HttpRequest.Builder request(String uri, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(uri));
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    private static String attribute(String html, String tagMarker, String attribute) {
        int at = html.indexOf(tagMarker);
        assertTrue(at >= 0, tagMarker + " in " + html);
        int start = html.lastIndexOf('<', at);
        String tag = html.substring(start, html.indexOf('>', at) + 1);
        Matcher value = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(tag);
        assertTrue(value.find(), attribute + " of " + tag);
        return value.group(1).replace("&amp;", "&");
    }

    /** A browser of its own, signed in with this name and password through the sign-in page. */
    static HttpClient signedIn(TrailkeeperClient client, String username, String password) {
        FacesForm signIn = signIn(client);
        HttpResponse<String> signedIn = signIn.submit(username, password);
        assertEquals(302, signedIn.statusCode(), "signed in: " + signedIn.body());
        return signIn.browser();
    }

    /** A page as this browser gets it (redirects seen, not followed). */
    static HttpResponse<String> page(TrailkeeperClient client, HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(client.uri(path)).GET().build());
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
