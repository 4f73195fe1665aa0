package dev.agenttraces.it.cluster;

import dev.agenttraces.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An admin's clicks on one server's plugin admin pages, as a person makes them: "Run now" on the retention page
 * and "Recompute all traces" on the prices page, each confirmed in its dialog. The browser must already hold a
 * plugin session on that server (its task page's frame signed it in).
 */
final class AdminClicks {

    private AdminClicks() {
    }

    /** Asks the server for a retention run. */
    static void runRetention(WebDriver driver, String base) {
        confirmed(driver, base + "/traces/admin/retention.xhtml", "retention:runNow");
    }

    /** Asks the server to recompute every trace. */
    static void recomputeAll(WebDriver driver, String base) {
        confirmed(driver, base + "/traces/admin/prices.xhtml", "prices:recompute-all");
    }

    /** Waits until the page says that a run or job was already running (a refusal's warning). */
    static void awaitRefusal(WebDriver driver) {
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "already running"));
    }

    private static void confirmed(WebDriver driver, String page, String button) {
        driver.get(page);
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.id(button)).click();
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        Browser.awaitPrimeFaces(driver);
    }
}
