package io.trailkeeper.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
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

/** An officer on the sources page: a wrong setting is explained, then a watched directory is added, tested and pulled. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesBrowserIT {

    private final TrailkeeperClient client = new TrailkeeperClient();
    private WebDriver browser;
    private Path watched;

    @Deployment(testable = false)
    static EnterpriseArchive trailkeeper() {
        return TrailkeeperEar.asBuilt();
    }

    @BeforeEach
    void startChromium() throws IOException {
        browser = HeadlessChromium.start();
        watched = SourceConfinementIT.watchedDirectory("trailkeeper-browser-watched-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(watched)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void anOfficerAddsTestsAndPullsAWatchedDirectory() throws IOException {
        AgentTrail trail = new AgentTrail()
                .action("page-bot", "ticket.read", Instant.parse("2026-10-20T08:00:00Z"), "success")
                .action("page-bot", "ticket.close", Instant.parse("2026-10-20T08:05:00Z"), "success");
        Path file = Files.writeString(watched.resolve("trail.jsonl"), trail.jsonLines());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        String name = "page-" + trail.suffix;
        signIn(client.createAccount("COMPLIANCE_OFFICER"));

        browser.get(client.uri("/app/sources.xhtml").toString());
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("watchedDirectory")).sendKeys(watched.toString());
        browser.findElement(By.id("pollIntervalSeconds")).clear();
        browser.findElement(By.id("pollIntervalSeconds")).sendKeys("5");
        browser.findElement(By.id("saveSource")).click();
        waitFor(() -> browser.findElement(By.id("messages")).getText().contains("pollIntervalSeconds: between 60 and 86400"),
                "the broken rule explained");
        assertTrue(browser.findElements(By.cssSelector("tr[data-source='" + name + "']")).isEmpty(), "nothing saved");

        browser.findElement(By.id("pollIntervalSeconds")).clear();
        browser.findElement(By.id("pollIntervalSeconds")).sendKeys("600");
        browser.findElement(By.id("saveSource")).click();
        waitFor(() -> !row(name).isEmpty(), "the new source in the list");
        assertEquals("JSONL_FILE", row(name).get(0).findElement(By.className("kind")).getText());
        assertEquals("never", row(name).get(0).findElement(By.className("lastPull")).getText());

        row(name).get(0).findElement(By.className("test")).click();
        waitFor(() -> browser.findElement(By.id("testVerdict")).getText().equals("passed"), "the test passed");
        assertTrue(browser.findElement(By.id("testResult")).getText().contains("1 file(s)"), browser.findElement(By.id("testResult")).getText());

        row(name).get(0).findElement(By.className("pull")).click();
        // The schedule pulls a source that was never pulled at its next tick (every minute); when that
        // tick fell between saving and this click, the file is already imported and the page says so.
        waitFor(() -> browser.findElement(By.id("messages")).getText().contains("Pull started: 1 execution(s)")
                || browser.findElement(By.id("messages")).getText().contains("Nothing new to pull (1 file(s) already imported)"),
                "the pull started, or the answer that the scheduled pull already took the file");
        waitFor(() -> row(name).get(0).findElement(By.className("events")).getText().equals("2")
                && row(name).get(0).findElement(By.className("lastPull")).getText().contains("COMPLETED"), "2 events after the pull");
        assertTrue(row(name).get(0).findElement(By.className("quarantined")).findElement(By.tagName("a")).getAttribute("href")
                .endsWith("quarantine.xhtml?source=" + name));
    }

    private java.util.List<WebElement> row(String name) {
        return browser.findElements(By.cssSelector("#sources tr[data-source='" + name + "']"));
    }

    private void signIn(String authorization) {
        browser.get(client.uri("/app/sources.xhtml").toString());
        HeadlessChromium.signIn(browser, authorization);
        waitFor(() -> browser.getCurrentUrl().contains("/app/"), "signed in");
    }

    private void waitFor(BooleanSupplier condition, String what) {
        boolean met = HeadlessChromium.poll(condition, Duration.ofSeconds(60), Duration.ofMillis(500), polls -> {
            if (polls % 10 == 0 && what.contains("after the pull")) {
                browser.get(client.uri("/app/sources.xhtml").toString());
            }
        });
        if (met) {
            return;
        }
        throw new AssertionError("timed out waiting for " + what + "; page was " + browser.getCurrentUrl() + ":\n"
                + browser.findElement(By.tagName("body")).getText());
    }
}
