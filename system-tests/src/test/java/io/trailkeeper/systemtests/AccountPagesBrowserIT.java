package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * A person's own account in a real headless Chromium: the one-time password an administrator handed
 * out leads to the password page until it is changed; signing out ends the session on the server; a
 * locked-out name is told to try again later, even with the right password.
 *
 * <p>The browser's requests come from 127.0.0.1, whose failed sign-ins the rest of the suite may need
 * (see SignInThrottleIT): these tests make none from there. Wrong passwords go through the API from
 * documentation addresses (RFC 5737) instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountPagesBrowserIT {

    private static final int ACCOUNT_LIMIT = Integer.getInteger("trailkeeper.signin.account.max-failures", 3);

    private final TrailkeeperClient client = new TrailkeeperClient();
    private WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void startChromium() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aOneTimePasswordLeadsToThePasswordPageUntilItIsChangedAndSigningOutEndsTheSession() {
        String[] account = client.createAccountWithOneTimePassword("AUDITOR");

        open("/app/events.xhtml");
        waitFor(() -> browser.getCurrentUrl().contains("/signin.xhtml"), "the sign-in page");
        HeadlessChromium.signIn(browser, basic(account[0], account[1]));
        waitFor(() -> browser.getCurrentUrl().endsWith("/app/password.xhtml"), "the password page after signing in");
        assertEquals("Change your password", browser.findElement(By.tagName("h1")).getText());
        open("/app/dashboard.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/app/password.xhtml"), "every page leads back to the password page: "
                + browser.getCurrentUrl());
        screenshot("password-required");

        String chosen = "my-own-" + UUID.randomUUID();
        changePassword(account[1], chosen, chosen + "-typo");
        waitFor(() -> messages().contains("The new password and its confirmation differ."), "the mismatch explained");
        assertTrue(browser.getCurrentUrl().endsWith("/app/password.xhtml"), browser.getCurrentUrl());

        changePassword(account[1], chosen, chosen);
        waitFor(() -> browser.getCurrentUrl().endsWith("/app/dashboard.xhtml"), "the dashboard once the password is changed");
        assertEquals("Your password was changed.", browser.findElement(By.className("notice")).getText());
        assertTrue(browser.findElement(By.id("signedInAs")).getText().contains(account[0]));
        screenshot("password-changed");
        assertEquals(200, events(account[0], chosen, "198.51.100.80").statusCode(), "the chosen password works on the API");
        assertEquals(401, events(account[0], account[1], "198.51.100.80").statusCode(), "the one-time password is spent");

        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        browser.findElement(By.id("signOut")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/signin.xhtml"), "the sign-in page after signing out");
        assertTrue(browser.findElements(By.id("signedInAs")).isEmpty(), "nobody is shown as signed in");
        open("/app/dashboard.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "the dashboard asks to sign in again: " + browser.getCurrentUrl());
        screenshot("signed-out");

        // The old session cookie, as someone who copied it would send it, opens nothing either.
        browser.manage().addCookie(new Cookie("JSESSIONID", session, "/"));
        open("/app/dashboard.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "the session ended on the server: " + browser.getCurrentUrl());
        HttpResponse<String> withOldCookie = client.send(HttpRequest.newBuilder(client.uri("/app/dashboard.xhtml"))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withOldCookie.statusCode(), withOldCookie.body());
        assertTrue(withOldCookie.headers().firstValue("Location").orElse("").contains("/signin.xhtml"), withOldCookie.headers().map().toString());
    }

    @Test
    void aLockedOutNameIsToldToTryAgainLaterAndTheRightPasswordDoesNotSignIn() {
        String[] account = credentials(client.createAccount("COMPLIANCE_OFFICER"));
        for (int i = 1; i <= ACCOUNT_LIMIT; i++) {
            assertEquals(401, events(account[0], "guess-" + i, "198.51.100.90").statusCode(), "failure " + i);
        }

        open("/signin.xhtml");
        HeadlessChromium.signIn(browser, basic(account[0], account[1]));
        waitFor(() -> !messages().isEmpty(), "the sign-in page's answer");

        screenshot("locked-out");
        assertTrue(messages().startsWith("Too many failed sign-ins with this user name or from your network. Please try again later, in about "),
                messages());
        assertTrue(messages().matches(".*in about (a minute|\\d+ minutes)\\.$"), messages());
        assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "still on the sign-in page: " + browser.getCurrentUrl());
        assertTrue(browser.findElements(By.id("signedInAs")).isEmpty(), "not signed in");
        open("/app/dashboard.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "no page opens: " + browser.getCurrentUrl());
    }

    private void changePassword(String current, String chosen, String confirmation) {
        browser.findElement(By.id("current")).sendKeys(current);
        browser.findElement(By.id("newPassword")).sendKeys(chosen);
        browser.findElement(By.id("confirmation")).sendKeys(confirmation);
        browser.findElement(By.id("change")).click();
    }

    /** The page's global messages, as a person reads them. */
    private String messages() {
        return browser.findElements(By.id("messages")).stream().map(m -> m.getText().strip()).findFirst().orElse("");
    }

    private HttpResponse<String> events(String user, String password, String forwardedFor) {
        return client.send(HttpRequest.newBuilder(client.uri("/api/events?size=1"))
                        .header("Authorization", basic(user, password)).header("X-Forwarded-For", forwardedFor).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String[] credentials(String authorization) {
        return new String(java.util.Base64.getDecoder().decode(authorization.substring(6)), java.nio.charset.StandardCharsets.UTF_8)
                .split(":", 2);
    }

    private void open(String path) {
        browser.get(client.uri(path).toString());
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        if (HeadlessChromium.poll(condition, Duration.ofSeconds(30), Duration.ofMillis(250), polls -> { })) {
            return;
        }
        screenshot("timeout");
        throw new AssertionError("timed out waiting for " + what + "; page was " + browser.getCurrentUrl());
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, "account-pages-" + name);
    }
}
