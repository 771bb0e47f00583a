package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * The retention page in a real headless Chromium: an officer places a legal hold on an agent and sees
 * the dry run hold that agent's expired events back; an auditor sees the page without the forms.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionBrowserIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private final AgentTrail trail = new AgentTrail();
    private WebDriver browser;
    private String policyId;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void importExpiredEventsAndSetAPolicy() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        trail.action("kept-bot", "chat", now.minus(200, ChronoUnit.DAYS), "ok")
                .action("kept-bot", "chat", now.minus(100, ChronoUnit.DAYS), "ok")
                .action("kept-bot", "chat", now.minus(1, ChronoUnit.DAYS), "ok");
        String officer = client.createAccount("COMPLIANCE_OFFICER");
        assertEquals(3, client.importAndWait(officer, "retention-pages-" + trail.suffix, trail.jsonLines()).getInt("stored"));
        HttpResponse<String> policy = client.send("POST", "/api/retention/policies", officer, "application/json",
                Json.createObjectBuilder().add("preset", "CONVERSATION_LOG_90D")
                        .add("agents", Json.createArrayBuilder().add(trail.agent("kept-bot"))).build().toString());
        assertEquals(201, policy.statusCode(), policy.body());
        policyId = json(policy.body()).asJsonObject().getString("id");
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerPlacesAHoldAndTheDryRunHoldsItsEventsBack() {
        signInAs(client.createAccount("COMPLIANCE_OFFICER"));
        open("/app/retention.xhtml");
        assertEquals("page", browser.findElement(By.id("nav-retention")).getAttribute("aria-current"));
        assertEquals("2", cell("wouldGo"), "two events are older than 90 days");
        assertEquals("0", cell("heldBack"));
        screenshot("before-hold");

        browser.findElement(By.id("matter")).sendKeys("Browser matter " + trail.suffix);
        browser.findElement(By.id("reason")).sendKeys("preservation letter");
        browser.findElement(By.id("agents")).sendKeys(trail.agent("kept-bot"));
        browser.findElement(By.id("placeHold")).click();
        waitFor(() -> browser.findElement(By.id("messages")).getText().contains("placed"), "the hold placed");
        screenshot("hold-placed");

        assertEquals("0", cell("wouldGo"), "the hold keeps both expired events");
        assertEquals("2", cell("heldBack"));
        assertTrue(row().findElement(By.className("heldBackBy")).getText().contains("Browser matter " + trail.suffix));
        assertFalse(browser.findElements(By.cssSelector("#holds tr[data-hold='Browser matter " + trail.suffix + "']")).isEmpty());
    }

    @Test
    void anAuditorSeesRetentionWithoutTheFormsThatChangeIt() {
        signInAs(client.createAccount("AUDITOR"));
        open("/app/retention.xhtml");
        assertEquals("2", cell("wouldGo"));
        assertTrue(browser.findElements(By.id("placeHold")).isEmpty(), "no hold form for auditors");
        assertTrue(browser.findElements(By.id("addPolicy")).isEmpty());
        assertTrue(browser.findElement(By.id("holdsReadOnly")).isDisplayed());
        screenshot("auditor");
    }

    private WebElement row() {
        return browser.findElement(By.cssSelector("#dryRun tr[data-policy='" + policyId + "']"));
    }

    private String cell(String name) {
        return row().findElement(By.className(name)).getText();
    }

    private void signInAs(String authorization) {
        browser.get(client.uri("/signin.xhtml").toString());
        HeadlessChromium.signIn(browser, authorization);
        waitFor(() -> browser.getCurrentUrl().contains("/app/"), "the first page after signing in");
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
        HeadlessChromium.screenshot(browser, "retention-" + name);
    }
}
