package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A compliance officer in a real headless Chromium: sign in, import a trail, see the counts change. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardBrowserIT {

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
    void anOfficerSignsInImportsATrailAndSeesTheCountsChange() throws IOException {
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        AgentTrail trail = new AgentTrail();
        Instant recently = Instant.now().minus(1, ChronoUnit.HOURS);
        trail.action("browser-bot", "email.send", recently, "success")
                .action("browser-bot", "crm.lookup", recently.plusSeconds(60), "success")
                .action("browser-bot", "refund.issue", recently.plusSeconds(120), "denied");
        Path file = Files.createTempFile("trail-", ".jsonl");
        Files.writeString(file, trail.jsonLines());

        browser.get(client.uri("/app/dashboard.xhtml").toString());
        assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "unauthenticated visitors are sent to sign in");
        String username = HeadlessChromium.signIn(browser, officer);

        waitFor(() -> browser.getCurrentUrl().contains("/app/dashboard.xhtml"), "the dashboard after signing in");
        assertTrue(browser.findElement(By.id("signedInAs")).getText().contains(username));
        assertTrue(rowsFor(trail.agent("browser-bot")).isEmpty(), "the new agent has no events before the import");

        browser.findElement(By.id("source")).clear();
        browser.findElement(By.id("source")).sendKeys("browser-" + trail.suffix);
        browser.findElement(By.id("trailFile")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("startImport")).click();

        waitFor(() -> {
            List<WebElement> rows = rowsFor(trail.agent("browser-bot"));
            if (rows.isEmpty()) {
                return false;
            }
            return rows.get(0).findElement(By.className("count")).getText().equals("3");
        }, "3 events for the imported agent on the dashboard");
        screenshot("dashboard-after-import");
        String pdfLink = browser.findElement(By.id("downloadReport")).getAttribute("href");
        // Followed as the browser follows the link, with its session (the pages' content security policy
        // allows no script to fetch it from inside the page).
        HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(URI.create(pdfLink))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), "the dashboard's summary link downloads a PDF");
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF-", new String(download.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, browser.findElements(By.cssSelector("#imports tr[data-execution]")).stream()
                .filter(r -> r.getText().contains("browser-" + trail.suffix) && r.getText().contains("COMPLETED")).count());
    }

    private List<WebElement> rowsFor(String agent) {
        return browser.findElements(By.cssSelector("#agentCounts tr[data-agent='" + agent + "']"));
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        boolean met = HeadlessChromium.poll(condition, Duration.ofSeconds(60), Duration.ofMillis(500), polls -> {
            if (polls % 10 == 0 && browser.getCurrentUrl().contains("/app/")) {
                browser.navigate().refresh();
            }
        });
        if (met) {
            return;
        }
        screenshot("timeout");
        throw new AssertionError("timed out waiting for " + what + "; page was " + browser.getCurrentUrl());
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
