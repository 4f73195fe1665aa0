package dev.agenttraces.it.browser;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host without its plugin: a Payara Micro where host and plugin ran (so the host stored the
 * plugin's descriptor), then restarted with the host alone, as if the plugin had been undeployed. The
 * task page still renders and works; the plugin's panel becomes "Agent Traces is unavailable — retry".
 * Also: a viewer cannot reach another board's trace through the plugin, by URL or by asking the host.
 */
class PluginIsolationBrowserIT {

    static final int PORT = Integer.getInteger("it.isolation.port", 18280);
    static final String BASE = "http://localhost:" + PORT;
    static Process server;
    static ChromeDriver driver;

    @BeforeAll
    static void hostWithoutPlugin() throws Exception {
        String pluginUrl = BASE + "/traces";
        server = TaskboardServer.launch(PORT, pluginUrl, true);
        TaskboardServer.awaitReady(server, BASE, TaskboardServer.logFile(PORT), "\"ENABLED\"");
        TaskboardServer.stop(server);
        server = TaskboardServer.launch(PORT, pluginUrl, false);
        TaskboardServer.awaitReady(server, BASE, TaskboardServer.logFile(PORT), "\"UNREACHABLE\"");
        driver = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            TaskboardServer.stop(server);
        }
    }

    @Test
    void taskPageRendersWithALabelledPlaceholderWhenThePluginIsGone() {
        long board = Fixtures.board(Fixtures.unique("Isolation board"));
        long agent = Fixtures.agent(Fixtures.unique("Isolation agent"), "gpt-4o", "openai");
        String title = Fixtures.unique("Task without its plugin");
        long task = Fixtures.reviewedTask(board, agent, title, "Output still readable.");
        String user = Users.member("reviewer", "reviewer-pass", "REVIEWER", board);

        Login.open(driver, BASE, user, "reviewer-pass", "/task.xhtml?id=" + task);
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.id("task-output")).getText()).contains("Output still readable.");

        By placeholder = By.cssSelector("#ext-agent-traces-task-trace-panel .tb-extension-placeholder");
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(placeholder));
        assertThat(driver.findElement(placeholder).getText()).contains("Agent Traces is unavailable").contains("retry");
        assertThat(driver.findElement(By.cssSelector("#ext-agent-traces-task-trace-panel iframe")).isDisplayed()).isFalse();
        Browser.screenshot(driver, "task-page-plugin-unavailable");

        driver.findElement(By.cssSelector("#ext-agent-traces-task-trace-panel .tb-extension-retry")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            var box = d.findElement(By.id("ext-agent-traces-task-trace-panel"));
            return "1".equals(box.getAttribute("data-retries")) && "failed".equals(box.getAttribute("data-state"));
        });
        assertThat(driver.findElement(placeholder).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(title);
    }
}
