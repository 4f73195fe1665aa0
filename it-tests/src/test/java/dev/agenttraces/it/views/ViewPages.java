package dev.agenttraces.it.views;

import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the view suites: one host+plugin server and one Chromium ({@link BrowserSuite}), and the
 * plugin pages opened directly (the host's iframe around them is the host's concern).
 */
abstract class ViewPages extends BrowserSuite {

    /** Opens a plugin page (path relative to /traces) as a signed-in viewer and waits for PrimeFaces. */
    static void open(String pathAndQuery) {
        driver.get(ViewerSession.url(base, "/traces" + pathAndQuery));
        Browser.awaitPrimeFaces(driver);
    }

    static void awaitAjax() {
        Browser.awaitPrimeFaces(driver);
    }

    /**
     * Picks {@code label} in the PrimeFaces select menu {@code menuId} as a person does (open it, click the item),
     * again if the click landed while the panel was still opening, until the menu shows the label.
     */
    static void choose(String menuId, String label) {
        try {
            chooseOnce(menuId, label);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object dump = driver.executeScript("var m = document.getElementById(arguments[0]); var p = document.getElementById(arguments[0] + '_panel');"
                    + " return (m ? m.outerHTML : 'no menu') + ' ---- ' + (p ? p.outerHTML : 'no panel');", menuId);
            Browser.screenshot(driver, "choose-failed");
            throw new AssertionError("could not choose " + label + " in " + menuId + ":\n" + dump, e);
        }
    }

    private static void chooseOnce(String menuId, String label) {
        Browser.waitFor(driver).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            if (label.equals(d.findElement(By.id(menuId + "_label")).getText())) {
                return true;
            }
            // PrimeFaces renders the panel's items when it first opens
            List<WebElement> items = d.findElements(By.xpath("//div[@id='" + menuId + "_panel']//li[@data-label='" + label + "']"));
            if (items.isEmpty() || !items.get(0).isDisplayed()) {
                d.findElement(By.id(menuId)).click();
            } else {
                items.get(0).click();
            }
            return false;
        });
        awaitAjax();
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
