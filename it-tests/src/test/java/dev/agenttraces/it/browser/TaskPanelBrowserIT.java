package dev.agenttraces.it.browser;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.agenttraces.it.support.TraceFixtures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's panel inside the host's task page, in Chromium: it renders for a member, sizes itself
 * through the frame bridge, and a viewer cannot reach another board's trace through the plugin, neither
 * by typing the plugin's URL nor by asking the host for a signed one; and the fifth token count (cache writes)
 * and a tool call's id show in it.
 */
class TaskPanelBrowserIT extends BrowserSuite {

    static String viewer;
    static long ownTask;
    static String ownTitle;
    static long secretTask;
    static String secretTitle;
    static long agent;

    @BeforeAll
    static void start() {
        long board = Fixtures.board(Fixtures.unique("Panel board"));
        long other = Fixtures.board(Fixtures.unique("Private board"));
        agent = Fixtures.agent(Fixtures.unique("Panel agent"), "claude-sonnet-4-5", "anthropic");
        ownTitle = Fixtures.unique("Refactor the billing module");
        ownTask = Fixtures.reviewedTask(board, agent, ownTitle, "Billing split into three services.");
        secretTitle = Fixtures.unique("Confidential acquisition memo");
        secretTask = Fixtures.reviewedTask(other, agent, secretTitle, "Secret.");
        viewer = Users.member("viewer", "viewer-pass", "VIEWER", board);
    }

    @Test
    void taskPageShowsThePluginsPanelForThatTaskSizedByTheBridge() {
        Login.open(driver, base, viewer, "viewer-pass", "/task.xhtml?id=" + ownTask);
        By box = By.id("ext-agent-traces-task-trace-panel");
        Browser.waitFor(driver).until(d -> "ready".equals(d.findElement(box).getAttribute("data-state")));

        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), ownTitle));
        driver.switchTo().defaultContent();

        Path png = Browser.screenshot(driver, "task-page-with-trace-panel");
        assertThat(png.toFile().length()).isGreaterThan(10_000);
    }

    @Test
    void aViewerCannotReachAnotherBoardsTraceThroughThePlugin() {
        Login.as(driver, base, viewer, "viewer-pass");
        driver.get(base + "/task.xhtml?id=" + ownTask);
        Browser.waitFor(driver).until(d -> "ready".equals(d.findElement(By.id("ext-agent-traces-task-trace-panel")).getAttribute("data-state")));

        driver.get(base + "/traces/task-panel.xhtml?task=" + secretTask);
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(secretTitle);

        driver.get(base + "/");
        Object status = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/plugins/frame-url?point=task-detail/panel/v1&key=task-trace-panel&task=" + secretTask + "')"
                + ".then(function (r) { done(r.status); }, function () { done(-1); });");
        assertThat(((Number) status).intValue()).isEqualTo(404);
    }

    /** A cost-dashboard link names a trace in its fragment; through the host page it opens that trace. */
    @Test
    void aLinkToATraceThroughTheHostPageOpensThatTrace() {
        long board = Fixtures.board(Fixtures.unique("Retry board"));
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Task with a retry"), "Second attempt worked.");
        UUID first = TraceFixtures.trace(task, agent, "FAILED", "claude-sonnet-4-5", Instant.now().minusSeconds(3600));
        TraceFixtures.steps(first, TraceFixtures.Step.error("first attempt failed"));
        UUID second = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(600));
        TraceFixtures.steps(second, TraceFixtures.Step.reasoning("second attempt", 100, 10, "0.0010"));
        String user = Users.member("reviewer", "reviewer-pass", "REVIEWER", board);

        Login.as(driver, base, user, "reviewer-pass");
        driver.get(base + "/task.xhtml?id=" + task + "#trace-" + first);
        Browser.waitFor(driver).until(d -> "ready".equals(d.findElement(By.id("ext-agent-traces-task-trace-panel")).getAttribute("data-state")));
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        Browser.waitFor(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector(".at-trace-header")).stream()
                        .anyMatch(h -> first.toString().equals(h.getAttribute("data-trace"))));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("first attempt failed");
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "task-page-link-to-trace");
    }

    /**
     * Through the host page: an LLM call's cache writes show in the trace header and on its row (and nowhere on a
     * row without any), and an expanded tool call shows the id the model gave it.
     */
    @Test
    void cacheWritesAndAToolCallIdShowInThePanel() {
        long board = Fixtures.board(Fixtures.unique("Cache board"));
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Task with cache writes"), "Cached prompt.");
        UUID trace = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(600));
        TraceFixtures.steps(trace, TraceFixtures.Step.llmCall("Reading the file.", 1200, 80, "0.0150"),
                TraceFixtures.Step.toolCall("read_file", "{\"path\":\"Billing.java\"}"),
                TraceFixtures.Step.llmCall("Done.", 300, 20, "0.0012"));
        TraceFixtures.cacheTokens(trace, 1, 4_000, 2_500);
        TraceFixtures.toolCallId(trace, 2, "toolu_01Billing");
        String user = Users.member("cacher", "cacher-pass", "REVIEWER", board);

        Login.as(driver, base, user, "cacher-pass");
        driver.get(base + "/task.xhtml?id=" + task);
        Browser.waitFor(driver).until(d -> "ready".equals(d.findElement(By.id("ext-agent-traces-task-trace-panel")).getAttribute("data-state")));
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".at-trace-header .at-cache-writes")));
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.cssSelector(".at-trace-header .at-cache-writes")).getText()).isEqualTo("2,500");
        assertThat(row(1).findElement(By.cssSelector(".at-col-tokens")).getText()).isEqualTo("1,200 / 80 +2,500 cache write");
        assertThat(row(3).findElement(By.cssSelector(".at-col-tokens")).getText()).isEqualTo("300 / 20");

        row(2).findElement(By.cssSelector(".at-col-preview")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".at-detail[data-seq='2'] .at-tool-call-id")));
        assertThat(driver.findElement(By.cssSelector(".at-detail[data-seq='2'] .at-tool-call-id")).getText()).isEqualTo("toolu_01Billing");
        driver.switchTo().defaultContent();
    }

    private static org.openqa.selenium.WebElement row(int seq) {
        return driver.findElement(By.xpath("//table//tr[contains(@class,'at-step')][td[2][normalize-space()='" + seq + "']]"));
    }
}
