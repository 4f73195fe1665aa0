package dev.agenttraces.it.insight;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Login;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The way into the plugin a reviewer takes: sign in to the host, open the task page, step into the panel's frame. */
final class InsightPages {

    private InsightPages() {
    }

    static void openTaskPanel(ChromeDriver driver, String base, String user, String password, long task) {
        Login.as(driver, base, user, password);
        driver.get(base + "/task.xhtml?id=" + task);
        Browser.awaitPrimeFaces(driver);
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        Browser.awaitPrimeFaces(driver);
    }

    /** Opens the agent page's Traces tab and steps into the plugin's frame. */
    static void openAgentTab(ChromeDriver driver, String base, String user, String password, long agent) {
        Login.as(driver, base, user, password);
        driver.get(base + "/agent.xhtml?id=" + agent);
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Traces']")).click();
        Browser.waitFor(driver).until(d -> d.findElement(By.cssSelector(".tb-extension")).isDisplayed());
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector(".tb-extension iframe")));
        Browser.awaitPrimeFaces(driver);
    }

    /** Scrolls the host page to the plugin's frame and the frame to an element, then saves a screenshot. */
    static void screenshot(ChromeDriver driver, String frameElementId, String name) {
        driver.executeScript("var e = document.getElementById(arguments[0]); if (e) { e.scrollIntoView(); }", frameElementId);
        driver.switchTo().defaultContent();
        driver.executeScript("var f = document.querySelector('.tb-extension iframe, #ext-agent-traces-task-trace-panel iframe');"
                + " if (f) { f.scrollIntoView(); }");
        Browser.screenshot(driver, name);
    }
}
