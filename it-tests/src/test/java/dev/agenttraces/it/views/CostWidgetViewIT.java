package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost dashboard widget in Chromium: period switch, ranking, and the link to the trace. */
class CostWidgetViewIT extends ViewPages {

    static WebElement rowOf(String title) {
        return driver.findElement(By.xpath("//table//tr[.//a[text()='" + title + "']]"));
    }

    @Test
    void switchesPeriodAndLinksToTheMostExpensiveTrace() {
        long board = Fixtures.board(Fixtures.unique("Widget board"));
        long agent = Fixtures.agent(Fixtures.unique("Widget agent"), "claude-opus", "anthropic");
        String recent = Fixtures.unique("Recent pricey task");
        String old = Fixtures.unique("Forty days ago task");
        long recentTask = Fixtures.reviewedTask(board, agent, recent, "ok");
        long oldTask = Fixtures.reviewedTask(board, agent, old, "ok");
        UUID cheap = TraceFixtures.trace(recentTask, agent, "FAILED", "claude-opus", Instant.now().minus(Duration.ofDays(2)));
        TraceFixtures.steps(cheap, Step.reasoning("first try", 10, 10, "5.0000"));
        UUID pricey = TraceFixtures.trace(recentTask, agent, "COMPLETED", "claude-opus", Instant.now().minus(Duration.ofDays(1)));
        TraceFixtures.steps(pricey, Step.reasoning("second try", 10_000, 10, "900.0000"));
        UUID oldTrace = TraceFixtures.trace(oldTask, agent, "COMPLETED", "claude-opus", Instant.now().minus(Duration.ofDays(40)));
        TraceFixtures.steps(oldTrace, Step.reasoning("long ago", 10, 10, "800.0000"));

        open("/cost-widget.xhtml");
        WebElement row = rowOf(recent);
        assertThat(row.findElement(By.cssSelector(".at-rank")).getText()).isEqualTo("1");
        assertThat(row.getText()).contains("$905.00").contains("10,030");
        assertThat(driver.findElements(By.xpath("//a[text()='" + old + "']"))).isEmpty();
        WebElement link = row.findElement(By.cssSelector("a.at-task-link"));
        assertThat(link.getAttribute("target")).isEqualTo("_top");
        assertThat(link.getAttribute("href")).endsWith("/task.xhtml?id=" + recentTask + "#trace-" + pricey);
        assertThat(driver.findElement(By.id("at-by-agent")).getText()).contains("$");

        driver.findElement(By.xpath("//div[contains(@class,'ui-selectonebutton')]//div[.//span[text()='90 days']]")).click();
        Browser.waitFor(driver).until(d -> !d.findElements(By.xpath("//a[text()='" + old + "']")).isEmpty());
        awaitAjax();
        assertThat(rowOf(old).getText()).contains("$800.00");
        assertThat(all("canvas")).isNotEmpty();
        Browser.screenshot(driver, "views-cost-widget-90-days");

        driver.findElement(By.xpath("//div[contains(@class,'ui-selectonebutton')]//div[.//span[text()='7 days']]")).click();
        Browser.waitFor(driver).until(d -> d.findElements(By.xpath("//a[text()='" + old + "']")).isEmpty());

        // The link lands on that trace: the panel opens the trace named in the fragment.
        String href = rowOf(recent).findElement(By.cssSelector("a.at-task-link")).getAttribute("href");
        String fragment = href.substring(href.indexOf('#'));
        driver.get(ViewerSession.url(base, "/traces/task-panel.xhtml?task=" + recentTask) + fragment);
        Browser.awaitPrimeFaces(driver);
        Browser.waitFor(driver).until(d -> !all(".at-trace-header").isEmpty());
        awaitAjax();
        assertThat(driver.findElement(By.cssSelector(".at-trace-header")).getAttribute("data-trace")).isEqualTo(pricey.toString());
        Browser.screenshot(driver, "views-cost-widget-link-target");
    }
}
