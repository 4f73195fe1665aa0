package dev.agenttraces.it.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The shared set-up of the browser suites on the suites' server: the server ({@link #base}) and one Chromium
 * ({@link #driver}) for the whole class, quit after it. A subclass's own {@code @BeforeAll} runs after this one,
 * so it can already use both.
 */
public abstract class BrowserSuite {

    protected static String base;
    protected static ChromeDriver driver;

    @BeforeAll
    protected static void startServerAndBrowser() {
        base = TaskboardServer.start();
        driver = Browser.start();
    }

    @AfterAll
    protected static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
