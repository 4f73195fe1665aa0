package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.TaskboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the view suites: one host+plugin server, one Chromium, and the plugin pages opened
 * directly (the host's iframe around them is the host's concern).
 */
abstract class ViewPages {

    static String base;
    static ChromeDriver driver;

    @BeforeAll
    static void startServerAndBrowser() {
        base = TaskboardServer.start();
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Opens a plugin page (path relative to /traces) as a signed-in viewer and waits for PrimeFaces. */
    static void open(String pathAndQuery) {
        driver.get(ViewerSession.url(base, "/traces" + pathAndQuery));
        Browser.awaitPrimeFaces(driver);
    }

    static void awaitAjax() {
        Browser.awaitPrimeFaces(driver);
    }

    static WebElement visible(By by) {
        return Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Nothing a hostile string tried to run has run. */
    static void assertNotPwned() {
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    }
}
