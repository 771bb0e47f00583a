package io.trailkeeper.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The browser of the page tests: Debian's headless Chromium, driven by its chromedriver. */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /**
     * A fresh browser (quit it after the test). No implicit wait: the tests poll for what a person
     * would wait for, so an element that is missing fails at once instead of after a timeout.
     */
    static WebDriver start() {
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("the browser test needs Debian's chromium and chromium-driver ("
                    + binary + ", " + driver + "): apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--window-size=1280,1000");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        return browser;
    }

    /**
     * Fills in and submits the sign-in form the browser shows, with the account of a Basic
     * {@code authorization} from {@link TrailkeeperClient#createAccount}; the caller waits for the page
     * it expects next. Returns the user name.
     */
    static String signIn(WebDriver browser, String authorization) {
        String[] credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                .split(":", 2);
        browser.findElement(By.id("username")).sendKeys(credentials[0]);
        browser.findElement(By.id("password")).sendKeys(credentials[1]);
        browser.findElement(By.id("submit")).click();
        return credentials[0];
    }

    /**
     * Looks at the page until {@code condition} holds or {@code timeout} passes, every {@code interval};
     * {@code afterPoll} gets the number of polls so far, e.g. to reload a page that does not refresh itself.
     * Returns whether the condition held; the caller says what it waited for.
     */
    static boolean poll(BooleanSupplier condition, Duration timeout, Duration interval, IntConsumer afterPoll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                // the page was replaced while we looked; look again
            }
            TrailkeeperClient.sleep(interval.toMillis());
            afterPoll.accept(++polls);
        }
        return false;
    }

    /** What the browser shows, as target/screenshots/{name}.png, for a person to look at after the run. */
    static void screenshot(WebDriver browser, String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a missing screenshot must not hide the real failure
        }
    }
}
