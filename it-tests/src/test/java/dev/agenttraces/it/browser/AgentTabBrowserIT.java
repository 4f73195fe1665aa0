package dev.agenttraces.it.browser;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's Traces tab opened as a person opens it: through the host's agent page, where the tab's
 * frame loads while its tab is hidden. The daily-spend chart must be drawn once the tab is shown (it
 * once stayed blank: drawn at zero size in the hidden frame and never redrawn), and the status filter
 * must read as words, not enum names.
 */
class AgentTabBrowserIT extends BrowserSuite {

    static long agent;
    static String reviewer;

    @BeforeAll
    static void start() {
        long board = Fixtures.board(Fixtures.unique("Chart board"));
        agent = Fixtures.agent(Fixtures.unique("Chart agent"), "claude-sonnet-4-5", "anthropic");
        for (int day = 0; day < 3; day++) {
            long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Charted task " + day), "Done.");
            UUID trace = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5",
                    Instant.now().minus(Duration.ofDays(day)).minusSeconds(60));
            TraceFixtures.steps(trace, TraceFixtures.Step.reasoning("step of day " + day, 1000, 100, "0.25"));
        }
        reviewer = Users.member("chart-reviewer", "reviewer-pass", "REVIEWER", board);
    }

    @Test
    void theDailyChartIsDrawnWhenTheTabIsShownThroughTheHostPage() {
        Login.open(driver, base, reviewer, "reviewer-pass", "/agent.xhtml?id=" + agent);
        By box = By.cssSelector(".tb-extension");
        Browser.waitFor(driver).until(d -> !"loading".equals(d.findElement(box).getAttribute("data-state")));
        assertThat(driver.findElement(box).getAttribute("data-state")).as("the frame loaded in its hidden tab").isEqualTo("ready");
        driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Traces']")).click();
        Browser.waitFor(driver).until(d -> d.findElement(box).isDisplayed());

        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector(".tb-extension iframe")));
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector(".at-chart canvas")).size() == 1);
        String painted = "var c = document.querySelector('.at-chart canvas');"
                + "if (!c || c.width === 0 || c.height === 0) { return 0; }"
                + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + "for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } } return n;";
        try {
            Browser.waitFor(driver).until(d -> ((Number) driver.executeScript(painted)).longValue() > 100);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object why = driver.executeScript("var c = document.querySelector('.at-chart canvas'); var r = c.getBoundingClientRect();"
                    + "var ws = Object.keys(PrimeFaces.widgets).map(function (k) { var w = PrimeFaces.widgets[k];"
                    + " return k + ':' + (w && w.chart ? 'chart ' + w.chart.width + 'x' + w.chart.height : '-'); });"
                    + "return 'canvas ' + c.width + 'x' + c.height + ' rect ' + r.width + 'x' + r.height + ' doc '"
                    + " + document.documentElement.clientWidth + ' widgets ' + ws.join(',') + ' Chart ' + (window.Chart && Chart.version);");
            throw new AssertionError("chart never painted: " + why, e);
        }
        Object width = driver.executeScript("return document.querySelector('.at-chart canvas').getBoundingClientRect().width;");
        assertThat(((Number) width).doubleValue()).isGreaterThan(100);

        String statuses = (String) driver.executeScript(
                "return document.querySelector('.at-status-filter select').textContent;");
        assertThat(statuses).contains("Completed").doesNotContain("COMPLETED");
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "agent-page-traces-tab");
    }
}
