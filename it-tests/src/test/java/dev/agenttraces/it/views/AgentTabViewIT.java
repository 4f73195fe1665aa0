package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's tab in Chromium: sorting, filtering, budget gauge and its empty states. */
class AgentTabViewIT extends ViewPages {

    /** The task titles in table order, read in one script call so a re-render cannot make them stale. */
    @SuppressWarnings("unchecked")
    static List<String> titles() {
        return (List<String>) js("return Array.from(document.querySelectorAll('.at-agent-traces .at-task-link'))"
                + ".map(a => a.textContent.trim())");
    }

    static void budget(long agent, String usd) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("update agent set monthly_budget_usd = ?, warning_threshold_pct = 75 where id = ?")) {
            ps.setBigDecimal(1, new java.math.BigDecimal(usd));
            ps.setLong(2, agent);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sortsFiltersAndShowsTheBudget() {
        long board = Fixtures.board(Fixtures.unique("Agent tab board"));
        long agent = Fixtures.agent(Fixtures.unique("Tab agent"), "claude-sonnet-4-5", "anthropic");
        budget(agent, "1.00");
        String[] names = {"Alpha cheap", "Bravo dear", "Charlie middle"};
        String[] costs = {"0.0100", "0.5000", "0.2000"};
        for (int i = 0; i < names.length; i++) {
            long task = Fixtures.reviewedTask(board, agent, names[i], "ok");
            UUID t = TraceFixtures.trace(task, agent, i == 1 ? "FAILED" : "COMPLETED", "claude-sonnet-4-5",
                    Instant.now().minus(Duration.ofMinutes(10 + i)));
            TraceFixtures.steps(t, Step.reasoning("work on " + names[i], 1000L * (i + 1), 100, costs[i]));
        }

        open("/agent-tab.xhtml?agent=" + agent);
        assertThat(titles()).containsExactly("Alpha cheap", "Bravo dear", "Charlie middle"); // newest first
        assertThat(driver.findElement(By.cssSelector(".at-task-link")).getAttribute("target")).isEqualTo("_top");
        assertThat(driver.findElement(By.cssSelector(".at-task-link")).getAttribute("href")).contains("/task.xhtml?id=");

        WebElement costHeader = driver.findElement(By.xpath("//th[.//span[text()='Cost']]"));
        costHeader.click();
        Browser.waitFor(driver).until(d -> titles().equals(List.of("Alpha cheap", "Charlie middle", "Bravo dear")));
        driver.findElement(By.xpath("//th[.//span[text()='Cost']]")).click();
        Browser.waitFor(driver).until(d -> titles().equals(List.of("Bravo dear", "Charlie middle", "Alpha cheap")));

        driver.findElement(By.id("f:title")).sendKeys("char");
        Browser.waitFor(driver).until(d -> titles().equals(List.of("Charlie middle")));
        driver.findElement(By.id("f:title")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        Browser.waitFor(driver).until(d -> titles().size() == 3);

        driver.findElement(By.id("f:minCost")).sendKeys("0.15", Keys.TAB);
        Browser.waitFor(driver).until(d -> titles().size() == 2);
        assertThat(titles()).doesNotContain("Alpha cheap");

        choose("f:status", "Failed");
        Browser.waitFor(driver).until(d -> titles().equals(List.of("Bravo dear")));

        WebElement gauge = driver.findElement(By.cssSelector(".at-gauge"));
        assertThat(gauge.getAttribute("aria-valuenow")).isEqualTo("71");
        assertThat(driver.findElement(By.id("at-budget")).getText()).contains("$0.71").contains("$1.00").contains("75 %");
        assertThat(driver.findElement(By.cssSelector(".at-gauge-mark")).getAttribute("style")).contains("left: 75%");
        assertThat(all("canvas")).isNotEmpty();
        assertNotPwned();
        Browser.screenshot(driver, "views-agent-tab");
    }

    @Test
    void emptyAgentSaysNoBudgetAndNoTraces() {
        long agent = Fixtures.agent(Fixtures.unique("Idle agent"), "claude-haiku", "anthropic");
        open("/agent-tab.xhtml?agent=" + agent);
        assertThat(driver.findElement(By.id("at-budget")).getText()).contains("No budget set");
        assertThat(driver.findElement(By.cssSelector(".at-agent-traces")).getText()).contains("No traces match.");
        assertThat(driver.findElement(By.id("at-agent-tab")).getText()).contains("No spend in the last 30 days");
        Browser.screenshot(driver, "views-agent-tab-empty");
    }
}
