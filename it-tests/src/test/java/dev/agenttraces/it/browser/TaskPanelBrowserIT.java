package dev.agenttraces.it.browser;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's task page in Chromium, with the plugin's panel inside it. */
class TaskPanelBrowserIT {

    static String base;
    static ChromeDriver driver;

    @BeforeAll
    static void start() {
        base = TaskboardServer.start();
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void taskPageShowsThePluginPanelForThatTask() {
        long board = Fixtures.board(Fixtures.unique("Browser board"));
        long agent = Fixtures.agent(Fixtures.unique("Browser agent"), "claude-sonnet-4-5", "anthropic");
        String title = Fixtures.unique("Refactor the billing module");
        long task = Fixtures.reviewedTask(board, agent, title, "Billing split into three services.");

        driver.get(base + "/task.xhtml?id=" + task);
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(title);

        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("plugin-traces-panel")));
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-task-title")));
        assertThat(driver.findElement(By.id("at-task-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.id("at-task-panel")).getText()).contains("claude-sonnet-4-5");
        driver.switchTo().defaultContent();

        Path png = Browser.screenshot(driver, "task-page-with-trace-panel");
        assertThat(png).exists();
        assertThat(png.toFile().length()).isGreaterThan(10_000);
    }
}
