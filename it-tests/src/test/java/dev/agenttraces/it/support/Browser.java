package dev.agenttraces.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with the flags this machine needs when
 * running as root (docs/PLATFORM.md #13). Selenium Manager is never asked to download anything.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A wait for a condition a person would see. 60 s, not less: the first render of a page on a freshly
     * started server, on a loaded two-core CI machine, has taken over 30 s; a passing wait returns at once. An
     * element replaced by an ajax update while the condition reads it is read again, not a failure.
     */
    public static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Waits until PrimeFaces has initialised its widgets, rather than sleeping. On a task panel it also waits
     * for the live-update socket to report (body {@code data-live}): on opening, the panel refreshes once, and
     * elements read before that refresh would be replaced under the test. PrimeFaces sends its requests with
     * jQuery's global events off, so {@code jQuery.active} does not count them: its own queue is what tells
     * whether one is still in flight.
     */
    public static void awaitPrimeFaces(WebDriver driver) {
        waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return document.readyState === 'complete' && !!window.PrimeFaces && !!PrimeFaces.widgets"
                        + " && (!document.querySelector('#at-task-panel .at-trace-list') || document.body.hasAttribute('data-live'))"
                        + " && (!PrimeFaces.ajax || !PrimeFaces.ajax.Queue || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0)")));
    }

    /**
     * Opens the host's page of a task, as a person does, and switches into the plugin's panel frame once
     * the host's bridge reports it ready (the caller switches back with {@code switchTo().defaultContent()}).
     */
    public static void openTaskPanel(WebDriver driver, String base, long taskId) {
        driver.get(base + "/task.xhtml?id=" + taskId);
        By box = By.id("ext-agent-traces-task-trace-panel");
        waitFor(driver).until(d -> "ready".equals(d.findElement(box).getAttribute("data-state")));
        waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        awaitPrimeFaces(driver);
    }

    /**
     * Elements under {@code rootCss} that untrusted text must never become (scripts, images, javascript: links),
     * as the start of their markup. The framework's own scripts are left out: PrimeFaces widget scripts (ids
     * ending in {@code _s}) and the Faces resources pages load ({@code jakarta.faces.resource}).
     */
    @SuppressWarnings("unchecked")
    public static List<String> injectedMarkup(WebDriver driver, String rootCss) {
        return (List<String>) ((ChromeDriver) driver).executeScript(
                "var r = arguments[0];"
                        + " return Array.from(document.querySelectorAll(r + ' script, ' + r + ' img, ' + r + \" a[href^='javascript']\"))"
                        + ".filter(function (e) { return !(e.tagName === 'SCRIPT' && (/_s$/.test(e.id)"
                        + " || (e.getAttribute('src') || '').indexOf('/jakarta.faces.resource/') >= 0)); })"
                        + ".map(function (e) { return e.outerHTML.substring(0, 200); });", rootCss);
    }

    /** Saves a PNG under target/screenshots and returns its path. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "screenshots");
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
