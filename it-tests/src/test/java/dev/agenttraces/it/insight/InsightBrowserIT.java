package dev.agenttraces.it.insight;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insights as a reviewer meets them, through the host's pages in Chromium: a trace sent through the JSON
 * ingest API gets its flags from the ingest hook (stored, growing batch by batch), and the task panel shows
 * the flags header, the step badges and the cost-share charts; two runs of a task open side by side from
 * the panel; a task in Review opens with its review summary.
 */
class InsightBrowserIT {

    static String base;
    static ChromeDriver driver;
    static String reviewer;
    static long agent;
    static long board;
    static String token;

    @BeforeAll
    static void start() {
        base = TaskboardServer.start();
        driver = Browser.start();
        board = Fixtures.board(Fixtures.unique("Insight board"));
        agent = Fixtures.agent(Fixtures.unique("Insight agent"), "claude-sonnet-4-5", "anthropic");
        reviewer = Fixtures.unique("reviewer").replace(' ', '-');
        Users.addToBoard(Users.create(reviewer, "reviewer-pass", "REVIEWER"), board);
        token = IngestClient.token(true);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void flagsAreStoredAsBatchesArriveAndShownOnTheTrace() throws Exception {
        String title = Fixtures.unique("Add rate limiting");
        long task = Fixtures.reviewedTask(board, agent, title, "Token bucket per API key.");
        UUID trace = IngestClient.start(token, task, agent);
        InsightSteps.wastefulRun(token, trace);

        // stored by the hook: the loop needed the second batch, the redundant read came in the first
        assertThat(insightRow(trace, "redundant_count")).isEqualTo(1);
        assertThat(insightRow(trace, "loop_count")).isEqualTo(1);
        assertThat(insightRow(trace, "step_count")).isEqualTo(18);
        // the waste is in the agent's spend rollup, exactly the sum of its traces' (the cost widget reads it, V96)
        try (Connection c = TestDatabase.connect()) {
            assertThat(SpendRollupSums.mismatches(c, agent)).isEmpty();
        }
        assertThat(TestDatabase.firstOrNull(BigDecimal.class,
                "select sum(waste_usd) from spend_agent_day where agent_id = ?", agent)).isPositive();

        InsightPages.openTaskPanel(driver, base, reviewer, "reviewer-pass", task);
        WebElement flags = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-flags")));
        assertThat(flags.getAttribute("data-redundant")).isEqualTo("1");
        assertThat(flags.getAttribute("data-loops")).isEqualTo("1");
        assertThat(flags.getText()).contains("1 redundant call").contains("1 loop").contains("Savable");
        assertThat(driver.findElements(By.cssSelector(".at-timeline .at-flag-redundant"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".at-timeline .at-flag-loop"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(driver.findElements(By.cssSelector(".at-timeline tr.at-costly"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".at-shares canvas"))).hasSize(3);
        InsightPages.screenshot(driver, "at-flags", "insight-flags-on-a-trace");
    }

    @Test
    void twoRetriesOfATaskCompareSideBySideFromTheTaskPanel() {
        long task = retriedTask(Fixtures.unique("Fetch exchange rates"), "Rates written to the report.");

        InsightPages.openTaskPanel(driver, base, reviewer, "reviewer-pass", task);
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.linkText("Compare with the run before"))).click();
        WebElement totals = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-cmp-totals")));
        Browser.awaitPrimeFaces(driver);
        // before: reason, fetch, error; after: reason, fetch (other timeout), result, reason
        assertThat(totals.getAttribute("data-changed")).isEqualTo("1");
        assertThat(totals.getAttribute("data-removed")).isEqualTo("1");
        assertThat(totals.getAttribute("data-inserted")).isEqualTo("2");
        assertThat(driver.findElements(By.cssSelector("tr.at-cmp-inserted"))).hasSize(2);
        assertThat(driver.findElement(By.id("at-cmp-dtokens")).getText()).startsWith("+");

        driver.findElement(By.cssSelector("tr.at-cmp-changed .ui-row-toggler")).click();
        WebElement added = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".at-diff .at-diff-ADDED")));
        assertThat(added.getText()).contains("30");
        assertThat(driver.findElement(By.cssSelector(".at-diff .at-diff-REMOVED")).getText()).contains("5");
        InsightPages.screenshot(driver, "at-compare", "insight-compare-two-retries");
    }

    @Test
    void aTaskInReviewOpensWithItsReviewSummary() throws Exception {
        long agentNearBudget = Fixtures.agent(Fixtures.unique("Budgeted agent"), "claude-sonnet-4-5", "anthropic");
        long cheaper = Fixtures.reviewedTask(board, agentNearBudget, Fixtures.unique("Small fix"), "Done.");
        UUID small = IngestClient.start(token, cheaper, agentNearBudget);
        new InsightSteps().reason("A one-line fix.").send(token, small);
        String title = Fixtures.unique("Summarise the incident");
        long task = Fixtures.reviewedTask(board, agentNearBudget, title, "Root cause: an expired certificate.");
        try (Connection c = TestDatabase.connect()) {
            c.createStatement().executeUpdate("update task set description = 'Write a one-page incident summary for the"
                    + " status page.' where id = " + task);
            c.createStatement().executeUpdate("update agent set monthly_budget_usd = 0.06, warning_threshold_pct = 50"
                    + " where id = " + agentNearBudget);
        }
        UUID trace = IngestClient.start(token, task, agentNearBudget);
        new InsightSteps().system("You are a careful SRE. Never guess a root cause.")
                .reason("Read the incident timeline.").call("read_file", "{\"path\": \"incident.md\"}")
                .result("read_file", "certificate expired at 02:00").reason("Draft the summary.")
                .send(token, trace);

        InsightPages.openTaskPanel(driver, base, reviewer, "reviewer-pass", task);
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-review")));
        assertThat(read("at-review-description", WebElement::getText)).contains("one-page incident summary");
        assertThat(read("at-review-instructions", WebElement::getText)).contains("Never guess a root cause");
        assertThat(read("at-review-output", WebElement::getText)).contains("expired certificate");
        assertThat(read("at-review", WebElement::getText)).contains("read_file").contains("0 errors");
        assertThat(read("at-review-cost", WebElement::getText)).contains("above the median").contains("1 similar task");
        assertThat(read("at-review-budget", e -> e.getAttribute("data-level"))).isEqualTo("WARNING");
        InsightPages.screenshot(driver, "at-review", "insight-review-summary");
    }

    /**
     * What an element of the panel shows, found again if the panel re-rendered it meanwhile: the flags computed after
     * the run's commit reach an open panel by push, and its refresh replaces the review summary's elements.
     */
    private String read(String id, java.util.function.Function<WebElement, String> what) {
        return Browser.waitFor(driver).until(d -> what.apply(d.findElement(By.id(id)))); // it ignores stale elements
    }

    @Test
    void theAgentTabShowsItsWasteFiltersAndSortsByFlagsAndComparesTwoPickedTraces() {
        long own = Fixtures.agent(Fixtures.unique("Listed agent"), "claude-sonnet-4-5", "anthropic");
        // the clean run first: newest first the looping run leads, by waste ascending the clean one
        UUID clean = IngestClient.start(token, Fixtures.reviewedTask(board, own, Fixtures.unique("Clean task"), "y"), own);
        new InsightSteps().reason("Straight to the answer.").send(token, clean);
        UUID wasteful = IngestClient.start(token, Fixtures.reviewedTask(board, own, Fixtures.unique("Looping task"), "x"), own);
        InsightSteps.wastefulRun(token, wasteful);
        InsightSteps.finish(token, wasteful, "completed");
        InsightSteps.finish(token, clean, "completed");
        String bySort = "/agents/" + own + "/traces?sort=waste&order=desc";
        var api = IngestClient.get(bySort, dev.agenttraces.it.support.HostTokens.mint(reviewer, java.util.Set.of("REVIEWER"),
                "/traces/api/v1" + bySort));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body().indexOf(wasteful.toString())).isLessThan(api.body().indexOf(clean.toString()));

        InsightPages.openAgentTab(driver, base, reviewer, "reviewer-pass", own);
        By rows = By.cssSelector(".at-agent-traces tbody tr");
        Browser.waitFor(driver).until(d -> d.findElements(rows).size() == 2);
        WebElement waste = driver.findElement(By.id("at-agent-waste"));
        assertThat(waste.getAttribute("data-traces")).isEqualTo("2");
        assertThat(waste.getAttribute("data-looped")).isEqualTo("1");
        assertThat(waste.getText()).contains("Looped in 1 of 2 traces (50 %)").contains("Worst tasks");
        assertThat(waste.findElement(By.cssSelector(".at-worst-tasks a")).getText()).startsWith("Looping task");
        assertThat(waste.findElement(By.cssSelector(".at-worst-tasks a")).getAttribute("href")).endsWith("#trace-" + wasteful);
        InsightPages.screenshot(driver, "at-agent-waste", "insight-agent-insights");
        InsightPages.openAgentTab(driver, base, reviewer, "reviewer-pass", own);
        Browser.waitFor(driver).until(d -> d.findElements(rows).size() == 2);
        driver.findElement(By.cssSelector("#f\\:flagged .ui-chkbox-box")).click();
        Browser.waitFor(driver).until(d -> d.findElements(rows).size() == 1);
        assertThat(driver.findElement(rows).getText()).contains("Looping task").contains("1 loop");
        driver.findElement(By.cssSelector("#f\\:flagged .ui-chkbox-box")).click();
        Browser.waitFor(driver).until(d -> d.findElements(rows).size() == 2);

        assertThat(driver.findElements(rows).get(0).getText()).contains("Looping task");
        By wasteHeader = By.xpath("//th[contains(@class,'ui-sortable-column')][.//span[normalize-space()='Waste']]");
        driver.findElement(wasteHeader).click();
        Browser.waitFor(driver).until(d -> d.findElements(rows).get(0).getText().contains("Clean task"));

        assertThat(driver.findElement(By.id("at-compare-picked")).isEnabled()).isFalse();
        driver.findElements(By.cssSelector("input.at-pick")).forEach(org.openqa.selenium.WebElement::click);
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("at-compare-picked"))).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-cmp-totals")));
        assertThat(driver.findElements(By.cssSelector(".at-cmp-sides .at-trace-header"))).hasSize(2);
        InsightPages.screenshot(driver, "at-compare", "insight-agent-tab-compare");
    }

    @Test
    void twoTasksOfTheCostWidgetCompareTheirMostExpensiveTraces() {
        String cheap = Fixtures.unique("Widget compare fetch rates");
        retriedTask(cheap, "Rates written.");
        String dear = Fixtures.unique("Widget compare rate limiter");
        long looped = Fixtures.reviewedTask(board, agent, dear, "Limiter fixed.");
        UUID wasteful = IngestClient.start(token, looped, agent);
        InsightSteps.wastefulRun(token, wasteful);
        InsightSteps.finish(token, wasteful, "completed");

        Login.as(driver, base, reviewer, "reviewer-pass");
        driver.get(base + "/dashboard.xhtml");
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#ext-agent-traces-top-tasks-by-cost iframe")));
        Browser.awaitPrimeFaces(driver);
        WebElement button = driver.findElement(By.id("at-compare-picked"));
        assertThat(button.isEnabled()).isFalse();
        for (String title : new String[] {cheap, dear}) {
            driver.findElement(By.xpath("//table//tr[.//a[normalize-space()='" + title + "']]//input[contains(@class,'at-pick')]")).click();
        }
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("at-compare-picked"))).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-cmp-totals")));
        Browser.awaitPrimeFaces(driver);
        var sides = driver.findElements(By.cssSelector(".at-cmp-sides .at-trace-header"));
        assertThat(sides).hasSize(2);
        // The widget ranks by cost, so the dearer task's trace opens on the left.
        assertThat((String) driver.executeScript("return location.search")).contains("a=" + wasteful);
        InsightPages.screenshot(driver, "at-compare", "insight-cost-widget-compare");
        driver.switchTo().frame(driver.findElement(By.cssSelector("#ext-agent-traces-top-tasks-by-cost iframe")));
        driver.findElement(By.cssSelector(".at-history-back")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-cost-widget")));
        driver.switchTo().defaultContent();
    }

    @Test
    void aReviewerAnnotatesAStepAndTheRejectionCarriesIt() throws Exception {
        String title = Fixtures.unique("Migrate the cron jobs");
        long task = Fixtures.reviewedTask(board, agent, title, "Moved 3 of 4 jobs.");
        UUID trace = IngestClient.start(token, task, agent);
        new InsightSteps().reason("The fourth job is obsolete, so skip it.").call("list_jobs", "{}")
                .result("list_jobs", "backup, report, cleanup, sync").send(token, trace);

        InsightPages.openTaskPanel(driver, base, reviewer, "reviewer-pass", task);
        driver.findElement(By.cssSelector(".at-timeline tbody tr:first-child .ui-row-toggler")).click();
        WebElement form = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".at-annotate")));
        form.findElement(By.cssSelector(".at-annot-label-input")).click();
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//li[contains(@class,'ui-selectonemenu-item') and normalize-space()='wrong assumption']"))).click();
        form.findElement(By.cssSelector(".at-annot-note-input")).sendKeys("sync is still used by billing <b>check</b>");
        form.findElement(By.xpath(".//button[normalize-space()='Annotate']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".at-timeline"), "wrong assumption"));
        WebElement listed = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("at-review-annotations")));
        assertThat(listed.getText()).contains("Step 1").contains("sync is still used by billing <b>check</b>").contains(reviewer);
        assertThat(driver.findElements(By.cssSelector("#at-review-annotations b"))).isEmpty(); // rendered inert
        InsightPages.screenshot(driver, "at-review", "insight-annotated-step");

        // the agent reads its review back with its ingest token
        var read = IngestClient.get("/traces/" + trace + "/annotations", token);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"label\":\"wrong_assumption\"").contains("sync is still used by billing");
        long stranger = Fixtures.agent(Fixtures.unique("Other agent"), "claude-sonnet-4-5", "anthropic");
        assertThat(IngestClient.get("/traces/" + trace + "/annotations", IngestClient.token(false, stranger)).statusCode())
                .as("another agent's ingest token").isEqualTo(404);
        assertThat(IngestClient.get("/traces/" + trace + "/annotations", null).statusCode()).as("no token").isEqualTo(401);

        driver.switchTo().defaultContent();
        driver.findElement(By.id("task:reject-open")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("reject:feedback")))
                .sendKeys("Please keep the sync job.");
        driver.findElement(By.id("reject:reject-confirm")).click();
        WebElement feedback = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("task:task-feedback")));
        assertThat(feedback.getText()).contains("Please keep the sync job.").contains("Annotated steps:")
                .contains("Step 1 (reasoning): wrong assumption — sync is still used by billing");
        Browser.screenshot(driver, "insight-rejection-feedback-with-annotations");
    }

    static int insightRow(UUID trace, String column) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select " + column + " from trace_insight where trace_id = ?")) {
            ps.setObject(1, trace);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("insight row of " + trace).isTrue();
                return rs.getInt(1);
            }
        }
    }

    /** A reviewed task of the board's agent whose first run failed and whose retry completed. */
    private long retriedTask(String title, String outcome) {
        long task = Fixtures.reviewedTask(board, agent, title, outcome);
        InsightSteps.failedRunAndRetry(token, task, agent);
        return task;
    }
}
