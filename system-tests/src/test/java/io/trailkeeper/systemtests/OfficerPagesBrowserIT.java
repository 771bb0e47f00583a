package io.trailkeeper.systemtests;

import static io.trailkeeper.systemtests.TrailkeeperClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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

/**
 * The officer's pages in a real headless Chromium: find events by agent and result, seal and verify
 * the log, fix a quarantined record; and an auditor who sees the same pages without the buttons that
 * change anything, and who reads the same verification outcome.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfficerPagesBrowserIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private WebDriver browser;
    private AgentTrail trail;
    private String source;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void startChromiumAndImportATrail() {
        browser = HeadlessChromium.start();

        Instant recently = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        trail = new AgentTrail()
                .action("pages-bot", "refund.issue", recently, "denied")
                .action("pages-bot", "crm.lookup", recently.plusSeconds(60), "success")
                .action("pages-bot", "refund.issue", recently.plusSeconds(120), "denied")
                .action("other-bot", "refund.issue", recently.plusSeconds(180), "denied")
                .line("{\"timestamp\":\"2026-10-05T03:00:00\",\"agent_id\":\"x\",\"action\":\"y\"}");
        source = "pages-" + trail.suffix;
        String importer = client.createAccount("COMPLIANCE_OFFICER");
        assertEquals(4, client.importAndWait(importer, source, trail.jsonLines()).getInt("stored"));
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerFindsEventsSealsAndVerifiesTheLogAndFixesAQuarantinedRecord() {
        signInAs(client.createAccount("COMPLIANCE_OFFICER"));

        open("/app/events.xhtml");
        assertEquals("page", browser.findElement(By.id("nav-events")).getAttribute("aria-current"), "the navigation marks the page");
        browser.findElement(By.id("fAgent")).sendKeys(trail.agent("pages-bot"));
        browser.findElement(By.id("fResult")).sendKeys("denied");
        browser.findElement(By.id("search")).click();
        waitFor(() -> browser.getCurrentUrl().contains("result=denied"), "a bookmarkable URL with the filters");
        List<WebElement> rows = browser.findElements(By.cssSelector("#events tr[data-event]"));
        assertEquals(2, rows.size(), "the two denied actions of pages-bot, not its success nor other-bot's denial");
        rows.forEach(r -> {
            assertEquals(trail.agent("pages-bot"), r.getAttribute("data-agent"));
            assertEquals("denied", r.getAttribute("data-result"));
        });
        assertEquals("2", browser.findElement(By.id("eventsTotal")).getText());
        screenshot("events-filtered");

        rows.get(0).findElement(By.className("open")).click();
        waitFor(() -> !browser.findElements(By.id("eventHeading")).isEmpty(), "the event's details");
        assertEquals("denied", browser.findElement(By.id("eventResult")).getText());
        screenshot("event-details");
        String content = browser.findElement(By.id("eventContent")).getAttribute("textContent");
        assertTrue(content.contains("look up order"), "decrypted content is shown: " + content);
        assertFalse(browser.getPageSource().contains("cust-"), "no subject identifier on the page");

        open("/app/integrity.xhtml");
        browser.findElement(By.id("seal")).click();
        waitFor(() -> browser.findElement(By.id("messages")).getText().contains("checkpoint"), "the sealed checkpoint");
        screenshot("integrity-sealed");
        String signature = browser.findElement(By.id("checkpointSignature")).getText();
        assertTrue(signature.startsWith("valid"), signature);
        assertTrue(Long.parseLong(browser.findElement(By.id("checkpointSize")).getText()) >= 4);
        browser.findElement(By.id("verify")).click();
        waitFor(() -> !browser.findElements(By.id("verificationOutcome")).isEmpty(), "the verification result");
        assertTrue(browser.findElement(By.id("verificationOutcome")).getText().startsWith("Verified:"),
                browser.findElement(By.id("verificationOutcome")).getText());
        assertTrue(browser.findElements(By.cssSelector("#checkpointChecks tr[data-status]")).stream()
                .allMatch(r -> r.getAttribute("data-status").equals("MATCHES")));
        screenshot("integrity-verified");

        open("/app/quarantine.xhtml?source=" + source);
        List<WebElement> open = browser.findElements(By.cssSelector("#records tr[data-record]"));
        assertEquals(1, open.size(), "the line without a time zone is set aside");
        assertEquals("5", open.get(0).getAttribute("data-line"));
        open.get(0).findElement(By.className("inspect")).click();
        waitFor(() -> !browser.findElements(By.id("recordPreview")).isEmpty(), "the record's preview");
        assertTrue(browser.findElement(By.id("recordReason")).getText().contains("time zone"));
        assertTrue(browser.findElement(By.id("recordPreview")).getText().contains("2026-10-05T03:00:00"));

        browser.findElement(By.id("correction")).sendKeys("{\"timestamp\":\"2026-10-05T03:00:00Z\",\"agent_id\":\""
                + trail.agent("fixed-bot") + "\",\"action\":\"y\"}");
        browser.findElement(By.id("reprocessCorrected")).click();
        waitFor(() -> browser.findElement(By.id("recordState")).getText().startsWith("resolved"), "the record resolved");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("Resolved: 1 stored"),
                browser.findElement(By.id("messages")).getText());
        assertTrue(browser.findElements(By.cssSelector("#records tr[data-record]")).isEmpty(), "no open record is left");
        screenshot("quarantine-resolved");

        open("/app/events.xhtml?agent=" + trail.agent("fixed-bot"));
        assertEquals(1, browser.findElements(By.cssSelector("#events tr[data-event]")).size(), "the corrected record is an event");
    }

    @Test
    void anAuditorSeesThePagesWithoutSealOrReprocessButtonsAndVerifiesTheTrail() {
        String auditor = client.createAccount("AUDITOR");
        signInAs(auditor);

        open("/app/events.xhtml?agent=" + trail.agent("pages-bot") + "&result=denied");
        assertEquals(2, browser.findElements(By.cssSelector("#events tr[data-event]")).size());

        open("/app/integrity.xhtml");
        assertTrue(browser.findElements(By.id("seal")).isEmpty(), "no seal button for auditors");
        assertTrue(browser.findElement(By.id("sealReadOnly")).isDisplayed());
        browser.findElement(By.id("verify")).click();
        waitFor(() -> !browser.findElements(By.id("verificationOutcome")).isEmpty(), "the verification result");
        screenshot("integrity-auditor");
        // What the auditor reads, in the words the page promises, for the log the API reports.
        JsonObject report = json(client.get("/api/integrity/verification", auditor).body()).asJsonObject();
        assertTrue(report.getBoolean("ok"), "the suite's trail verifies: " + report);
        long checked = report.getJsonNumber("checkedSize").longValue();
        long deleted = report.getJsonNumber("deletionsAccountedFor").longValue();
        int checkpoints = report.getJsonArray("checkpoints").size();
        String expected = "Verified: all " + checked + (deleted == 0 ? " events in the log match their recorded leaves"
                : " leaves of the log agree with the trail")
                + (checkpoints == 0 ? "; no checkpoint was there to compare." : checkpoints == 1 ? ", and the checkpoint still matches."
                : ", and all " + checkpoints + " checkpoints still match.");
        WebElement outcome = browser.findElement(By.id("verificationOutcome"));
        assertEquals(expected, outcome.getText());
        assertEquals("ok", outcome.getAttribute("class"));
        assertTrue(browser.findElements(By.id("verificationFindings")).isEmpty(), "no finding is listed");
        List<WebElement> checkpointRows = browser.findElements(By.cssSelector("#checkpointChecks tr[data-status]"));
        assertEquals(checkpoints, checkpointRows.size(), "one line per checkpoint");
        checkpointRows.forEach(row -> assertTrue(row.getText().endsWith("matches: the recorded leaves still hash to its signed root"),
                row.getText()));
        if (deleted > 0) {
            assertTrue(browser.findElement(By.id("verificationDeletions")).getText().startsWith(deleted + (deleted == 1 ? " event was" : " events were")
                    + " deleted by retention or erasure"), browser.findElement(By.id("verificationDeletions")).getText());
        }

        open("/app/quarantine.xhtml?source=" + source);
        browser.findElement(By.cssSelector("#records tr[data-record] a.inspect")).click();
        waitFor(() -> !browser.findElements(By.id("recordPreview")).isEmpty(), "the record's preview");
        assertTrue(browser.findElements(By.id("reprocessCorrected")).isEmpty(), "no re-process button for auditors");
        assertTrue(browser.findElements(By.id("reprocessAsKept")).isEmpty());
        assertTrue(browser.findElement(By.id("reprocessReadOnly")).isDisplayed());
        screenshot("quarantine-auditor");
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
        HeadlessChromium.screenshot(browser, "officer-pages-" + name);
    }
}
