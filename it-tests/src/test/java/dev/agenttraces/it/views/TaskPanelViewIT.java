package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The task detail panel in Chromium: expanding steps, finding things, live updates, hostile text. */
class TaskPanelViewIT extends ViewPages {

    static final String SCRIPT = "<script>window.__pwned = 'script'</script>";
    static final String IMG = "<img src=x onerror=\"window.__pwned = 'img'\">";
    static final String LINK = "<a href=\"javascript:window.__pwned = 'link'\">click me</a>";
    static final String HOSTILE = "before " + SCRIPT + " " + IMG + " " + LINK + " after";

    record Scene(long board, long agent, long task) {
    }

    static Scene scene(String title) {
        long board = Fixtures.board(Fixtures.unique("Views board"));
        long agent = Fixtures.agent(Fixtures.unique("Views agent"), "claude-sonnet-4-5", "anthropic");
        return new Scene(board, agent, Fixtures.reviewedTask(board, agent, Fixtures.unique(title), "Done."));
    }

    static WebElement row(int seq) {
        return driver.findElement(By.xpath("//table//tr[contains(@class,'at-step')][td[2][normalize-space()='" + seq + "']]"));
    }

    static WebElement expand(int seq) {
        row(seq).findElement(By.cssSelector(".at-col-preview")).click();
        WebElement detail = visible(By.cssSelector(".at-detail[data-seq='" + seq + "']"));
        awaitAjax();
        return detail;
    }

    @Test
    void expandsEveryStepTypeAndLoadsALongResultOnDemand() {
        Scene s = scene("Fix the flaky login test");
        UUID trace = TraceFixtures.trace(s.task(), s.agent(), "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(600));
        String longThought = "I should look at the test first. ".repeat(40) + "THE END OF THE THOUGHT";
        String longOutput = "line of test output\n".repeat(400) + "LAST LINE OF OUTPUT";
        TraceFixtures.steps(trace,
                Step.system("You are a careful engineer."),
                Step.reasoning(longThought, 1200, 340, "0.0123"),
                Step.toolCall("run_tests", "{\"suite\":\"login\",\"retries\":3,\"verbose\":true,\"filter\":null}"),
                Step.toolResult("run_tests", longOutput),
                Step.error("AssertionError: expected 200 but was 500"));

        open("/task-panel.xhtml?task=" + s.task());
        // A single trace opens expanded: header and timeline without a click.
        assertThat(visible(By.cssSelector(".at-trace-header")).getText())
                .contains("Completed").contains("claude-sonnet-4-5").contains("1,200").contains("$0.0123");
        assertThat(driver.findElement(By.cssSelector(".at-error-count")).getText()).isEqualTo("1");
        assertThat(all("tr.at-step")).hasSize(5);
        assertThat(all("tr.at-step.at-type-error")).hasSize(1);

        WebElement system = expand(1);
        assertThat(system.getText()).contains("You are a careful engineer.");

        WebElement reasoning = expand(2);
        WebElement text = reasoning.findElement(By.cssSelector(".at-text"));
        assertThat(text.getAttribute("class")).contains("at-collapsed");
        reasoning.findElement(By.cssSelector(".at-more")).click();
        assertThat(text.getAttribute("class")).doesNotContain("at-collapsed");
        assertThat(text.getText()).endsWith("THE END OF THE THOUGHT");
        assertThat(reasoning.findElements(By.cssSelector(".at-copy"))).hasSize(1);

        WebElement call = expand(3);
        assertThat(call.findElement(By.cssSelector(".at-tool-name")).getText()).isEqualTo("run_tests");
        WebElement json = call.findElement(By.cssSelector("pre.at-json"));
        assertThat(json.getText()).contains("\"suite\": \"login\"").contains("\"retries\": 3");
        assertThat(json.findElements(By.cssSelector(".at-json-key"))).hasSize(4);
        assertThat(json.findElement(By.cssSelector(".at-json-number")).getText()).isEqualTo("3");
        assertThat(json.findElement(By.cssSelector(".at-json-bool")).getText()).isEqualTo("true");

        WebElement result = expand(4);
        WebElement output = result.findElement(By.cssSelector("pre.at-output"));
        assertThat(output.getText()).doesNotContain("LAST LINE OF OUTPUT");
        result.findElement(By.cssSelector(".at-show-all")).click();
        Browser.waitFor(driver).until(d -> output.getText().contains("LAST LINE OF OUTPUT"));
        assertThat((String) js("return arguments[0].textContent", output)).isEqualTo(longOutput);

        WebElement error = expand(5);
        assertThat(error.findElement(By.cssSelector(".at-error-text")).getText())
                .isEqualTo("AssertionError: expected 200 but was 500");
        Browser.screenshot(driver, "views-task-panel-expanded");
    }

    @Test
    void hostileTextInEveryFieldIsShownAsTextAndNeverRuns() {
        Scene s = scene("Hostile " + SCRIPT);
        UUID trace = TraceFixtures.trace(s.task(), s.agent(), "FAILED", "<b>model</b>" + IMG, Instant.now().minusSeconds(60));
        TraceFixtures.steps(trace,
                Step.reasoning(HOSTILE, 10, 10, "0.001"),
                Step.toolCall("tool" + IMG, "{\"html\": \"" + SCRIPT.replace("\"", "\\\"") + "\", \"" + IMG.replace("\"", "\\\"") + "\": 1}"),
                Step.toolResult(LINK, HOSTILE + "\n" + "x".repeat(3000) + LINK),
                Step.error(HOSTILE),
                Step.system(HOSTILE));

        open("/task-panel.xhtml?task=" + s.task());
        for (int seq = 1; seq <= 5; seq++) {
            expand(seq);
        }
        WebElement result = driver.findElement(By.cssSelector(".at-detail[data-seq='3']"));
        result.findElement(By.cssSelector(".at-show-all")).click();
        Browser.waitFor(driver).until(d -> result.findElement(By.cssSelector("pre.at-output")).getText().endsWith(LINK));
        awaitAjax();

        String page = driver.findElement(By.id("at-task-panel")).getText();
        assertThat(page).contains(SCRIPT).contains(IMG).contains(LINK).contains("tool" + IMG);
        assertThat(driver.findElement(By.cssSelector(".at-detail[data-seq='2'] pre.at-json")).getText()).contains(SCRIPT);
        assertThat(Browser.injectedMarkup(driver, "#at-task-panel")).isEmpty();
        assertNotPwned();
        Browser.screenshot(driver, "views-task-panel-hostile");
    }

    @Test
    void filtersSearchAndJumpsFindSteps() {
        Scene s = scene("Refactor the parser");
        UUID trace = TraceFixtures.trace(s.task(), s.agent(), "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(300));
        TraceFixtures.bulkSteps(trace, 120); // errors nowhere (every 250th), priced steps everywhere
        TraceFixtures.steps(trace, Step.error("first failure: parser exploded"),
                Step.reasoning("a very expensive thought about needles", 90_000, 9_000, "1.2500"),
                Step.error("second failure"));

        open("/task-panel.xhtml?task=" + s.task());
        assertThat(visible(By.cssSelector(".ui-paginator-current")).getText()).contains("of 123");

        driver.findElement(By.xpath("//div[contains(@class,'at-type-filter')]//div[contains(@class,'ui-button')][.//span[text()='Error']]")).click();
        Browser.waitFor(driver).until(d -> all("tr.at-step").size() == 2);
        assertThat(all("tr.at-step.at-type-error")).hasSize(2);
        driver.findElement(By.xpath("//div[contains(@class,'at-type-filter')]//div[contains(@class,'ui-button')][.//span[text()='Error']]")).click();
        Browser.waitFor(driver).until(d -> all("tr.at-step").size() == 50);

        driver.findElement(By.cssSelector(".at-search")).sendKeys("needles");
        Browser.waitFor(driver).until(d -> all("tr.at-step").size() == 1);
        assertThat(driver.findElement(By.cssSelector("tr.at-step .at-preview")).getText()).contains("needles");
        driver.findElement(By.cssSelector(".at-search")).clear();
        driver.findElement(By.cssSelector(".at-search")).sendKeys(" ");
        Browser.waitFor(driver).until(d -> all("tr.at-step").size() == 50);

        driver.findElement(By.id("f:next-error")).click();
        awaitFocus("121", "first failure");
        driver.findElement(By.id("f:next-error")).click();
        awaitFocus("second failure");

        driver.findElement(By.id("f:most-expensive")).click();
        awaitFocus("needles", "$1.25");
        Browser.screenshot(driver, "views-task-panel-filters");
    }

    @Test
    void aRunningTraceUpdatesLiveWithoutAReload() {
        Scene s = scene("Write the changelog");
        UUID trace = TraceFixtures.trace(s.task(), s.agent(), "RUNNING", "claude-sonnet-4-5", Instant.now().minusSeconds(30));
        TraceFixtures.steps(trace, Step.reasoning("Reading the commits", 100, 20, "0.0004"));

        open("/task-panel.xhtml?task=" + s.task());
        Browser.waitFor(driver).until(d -> d.findElement(By.cssSelector(".at-trace-header")).getText().contains("Running"));
        String header = Browser.waitFor(driver).until(d -> d.findElement(By.cssSelector(".at-trace-header")).getText());
        assertThat(header).contains("live");
        js("window.__sameDocument = true");
        TraceFixtures.steps(trace, Step.toolCall("git_log", "{\"since\":\"v1.2\"}"));
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:timeline"), "git_log"));
        Browser.waitFor(driver).until(d -> driver.findElement(By.cssSelector(".at-step-count")).getText().equals("2"));
        assertThat(js("return window.__sameDocument")).isEqualTo(true);

        TraceFixtures.finish(trace, "COMPLETED");
        Browser.waitFor(driver).until(d -> driver.findElement(By.cssSelector(".at-trace-header")).getText().contains("Completed"));
        Browser.screenshot(driver, "views-task-panel-live");
    }

    @Test
    void emptyStatesReadWell() {
        Scene none = scene("Nothing yet");
        open("/task-panel.xhtml?task=" + none.task());
        assertThat(visible(By.cssSelector(".at-empty")).getText()).contains("No traces yet");

        Scene unpriced = scene("Unpriced model");
        UUID trace = TraceFixtures.trace(unpriced.task(), unpriced.agent(), "COMPLETED", "mystery-model-9", Instant.now());
        TraceFixtures.steps(trace, Step.reasoning("Thinking with an unknown model", 500, 50, null));
        open("/task-panel.xhtml?task=" + unpriced.task());
        assertThat(visible(By.cssSelector(".at-total-cost")).getText()).isEqualTo("unpriced");
        assertThat(driver.findElement(By.cssSelector("tr.at-step .at-col-cost")).getText()).isEqualTo("unpriced");
        assertThat(driver.findElement(By.id("at-task-panel")).getText()).doesNotContain("$0.00");
        Browser.screenshot(driver, "views-task-panel-unpriced");
    }

    @Test
    void retriesAreListedNewestFirstAndTheHashOpensOne() {
        Scene s = scene("Retry me");
        UUID older = TraceFixtures.trace(s.task(), s.agent(), "FAILED", "claude-sonnet-4-5", Instant.now().minusSeconds(3600));
        TraceFixtures.steps(older, Step.error("first attempt failed"));
        UUID newer = TraceFixtures.trace(s.task(), s.agent(), "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(60));
        TraceFixtures.steps(newer, Step.reasoning("second attempt worked", 10, 10, "0.002"));

        open("/task-panel.xhtml?task=" + s.task());
        assertThat(all(".at-trace-item")).extracting(e -> e.getAttribute("id"))
                .containsExactly("trace-" + newer, "trace-" + older);
        assertThat(all(".at-trace-header")).isEmpty();

        driver.get(ViewerSession.url(base, "/traces/task-panel.xhtml?task=" + s.task()) + "#trace-" + older);
        Browser.awaitPrimeFaces(driver);
        Browser.waitFor(driver).until(d -> !all("tr.at-step").isEmpty());
        assertThat(driver.findElement(By.cssSelector(".at-trace-header")).getAttribute("data-trace")).isEqualTo(older.toString());
        assertThat(driver.findElement(By.id("trace-" + older)).getAttribute("class")).contains("at-selected");
    }

    /** Waits until the focused step row shows every text; AJAX may replace the row while it is read. */
    private static void awaitFocus(String... texts) {
        Browser.waitFor(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var rows = d.findElements(By.cssSelector("tr.at-step.at-focus"));
            if (rows.isEmpty()) {
                return false;
            }
            String text = rows.getFirst().getText();
            return java.util.Arrays.stream(texts).allMatch(text::contains);
        });
    }
}
