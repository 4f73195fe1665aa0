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
}
