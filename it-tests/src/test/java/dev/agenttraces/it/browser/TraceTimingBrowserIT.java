package dev.agenttraces.it.browser;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A step tree through the host's task page, as a reviewer sees it, in Chromium: the timing view's bars on
 * the trace's time axis (offsets, widths, the idle gap, the long step, the tree's indentation), the switch
 * back to the timeline, and an LLM call's conversation and a reasoning step rendered as safe markdown with
 * their Raw toggles.
 */
class TraceTimingBrowserIT extends BrowserSuite {

    private static final String HOSTILE = "<script>window.pwned=1</script> <img src=x onerror=\"window.pwned=1\">"
            + " [click](javascript:window.pwned=1)";

    static String reviewer;
    static long task;

    @BeforeAll
    static void start() {
        long board = Fixtures.board(Fixtures.unique("Timing board"));
        long agent = Fixtures.agent(Fixtures.unique("Timing agent"), "claude-sonnet-4-5", "anthropic");
        task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Speed up the build"), "Build is 3x faster.");
        reviewer = Users.member("timing-reviewer", "reviewer-pass", "REVIEWER", board);

        // The fixture trace runs 42 s from t0.
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID trace = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", t0);
        TraceFixtures.steps(trace,
                Step.llmCall("I will run the build.", 1200, 80, "0.0048"),
                Step.toolCall("run_build", "{\"target\":\"all\"}"),
                Step.toolResult("run_build", "BUILD SUCCESS in 20 s"),
                Step.reasoning("The build is **cached** now. " + HOSTILE, 300, 40, "0.0011"),
                Step.llmCall("Done.", 400, 20, "0.0012"));
        TraceFixtures.place(trace, 1, null, TraceFixtures.conversation("You are careful.",
                "Make the build *fast*. " + HOSTILE, "I will run the build."));
        TraceFixtures.place(trace, 2, 1, null);
        TraceFixtures.place(trace, 3, 2, null);
        TraceFixtures.time(trace, 1, t0, 2_000);
        TraceFixtures.time(trace, 2, t0.plusSeconds(2), 20_000);
        TraceFixtures.time(trace, 3, t0.plusSeconds(22), 100);
        TraceFixtures.time(trace, 4, t0.plusSeconds(35), 1_000);
        TraceFixtures.time(trace, 5, t0.plusSeconds(36), 900);
    }

    /** Signs in to the host, opens the task page and switches into the plugin's panel frame. */
    @BeforeEach
    void openTheTaskPage() {
        driver.switchTo().defaultContent();
        Login.as(driver, base, reviewer, "reviewer-pass");
        driver.get(base + "/task.xhtml?id=" + task);
        Browser.waitFor(driver).until(d -> "ready".equals(
                d.findElement(By.id("ext-agent-traces-task-trace-panel")).getAttribute("data-state")));
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        Browser.awaitPrimeFaces(driver);
        Browser.waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.at-step"), 5));
    }

    @Test
    void theTimingViewDrawsEachStepOnTheTracesTimeAxis() {
        assertThat(driver.findElements(By.cssSelector(".at-track"))).isEmpty();
        switchTo("Timing");
        Browser.waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".at-track"), 5));

        assertThat(driver.findElements(By.cssSelector(".at-tick"))).extracting(WebElement::getText)
                .containsExactly("0", "+10.5 s", "+21.0 s", "+31.5 s", "+42.0 s");
        assertThat(offsetMs(1)).isZero();
        assertThat(offsetMs(2)).isEqualTo(2_000);
        assertThat(offsetMs(4)).isEqualTo(35_000);
        // The 20 s build is half the trace: it starts at 2/42 of the track and is outlined as a long step.
        WebElement build = span(2);
        assertThat(build.getAttribute("class")).contains("at-long", "at-type-tool-call");
        assertThat(share(build, "left")).isCloseTo(2.0 / 42, within(0.01));
        assertThat(share(build, "width")).isCloseTo(20.0 / 42, within(0.01));
        assertThat(span(1).getAttribute("class")).doesNotContain("at-long");
        // 12.9 s pass between the build's result and the next thought: an idle gap, labelled.
        WebElement gap = row(4).findElement(By.cssSelector(".at-gap"));
        assertThat(gap.getAttribute("data-gap-ms")).isEqualTo("12900");
        assertThat(row(4).findElement(By.cssSelector(".at-gap-label")).getText()).isEqualTo("idle 12.9 s");
        assertThat(row(5).findElements(By.cssSelector(".at-gap"))).isEmpty();
        // Still the tree: indented, and cost columns give way to the axis.
        assertThat(row(3).findElement(By.cssSelector(".at-branch")).getAttribute("data-depth")).isEqualTo("2");
        assertThat(driver.findElements(By.cssSelector("td.at-col-cost"))).isEmpty();
        Browser.screenshot(driver, "task-page-timing-view");

        switchTo("Timeline");
        Browser.waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".at-track"), 0));
        assertThat(driver.findElements(By.cssSelector("td.at-col-cost"))).hasSize(5);
    }

    @Test
    void anLlmCallsConversationAndAReasoningStepRenderAsSafeMarkdownWithARawToggle() {
        WebElement call = expand(1);
        assertThat(call.findElements(By.cssSelector(".at-message"))).hasSize(3);
        WebElement user = call.findElement(By.cssSelector(".at-message[data-role='user'] .at-message-text"));
        assertThat(user.findElement(By.tagName("em")).getText()).isEqualTo("fast");
        assertThat(user.getText()).contains("<script>", "<img src=x");
        call.findElement(By.cssSelector(".at-raw-toggle")).click();
        assertThat(call.findElement(By.cssSelector(".at-message[data-role='user'] .at-message-raw")).getText())
                .startsWith("Make the build *fast*.");
        assertThat(user.isDisplayed()).isFalse();

        WebElement thought = expand(4);
        assertThat(thought.findElement(By.cssSelector(".at-formatted strong")).getText()).isEqualTo("cached");
        assertThat(thought.findElement(By.cssSelector(".at-raw-text")).isDisplayed()).isFalse();
        thought.findElement(By.cssSelector(".at-raw-toggle")).click();
        assertThat(thought.findElement(By.cssSelector(".at-raw-text")).getText()).startsWith("The build is **cached** now.");
        assertThat(thought.findElement(By.cssSelector(".at-formatted")).isDisplayed()).isFalse();

        assertThat(Browser.injectedMarkup(driver, "#at-task-panel")).isEmpty();
        assertThat(driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
        Browser.screenshot(driver, "task-page-conversation-markdown");
    }

    private static void switchTo(String mode) {
        driver.findElement(By.xpath("//div[contains(@class,'at-view-mode')]//*[normalize-space()='" + mode + "']")).click();
        Browser.awaitPrimeFaces(driver);
    }

    private static WebElement row(int seq) {
        return driver.findElement(By.xpath("//table//tr[contains(@class,'at-step')][td[2][normalize-space()='" + seq + "']]"));
    }

    private static WebElement span(int seq) {
        return row(seq).findElement(By.cssSelector(".at-span"));
    }

    private static long offsetMs(int seq) {
        return Long.parseLong(span(seq).getAttribute("data-offset-ms"));
    }

    /** A bar's left edge or width as the share of its track the browser laid out. */
    private static double share(WebElement bar, String what) {
        Object v = driver.executeScript("var b = arguments[0].getBoundingClientRect(),"
                + " t = arguments[0].parentElement.getBoundingClientRect();"
                + " return arguments[1] === 'left' ? (b.left - t.left) / t.width : b.width / t.width;", bar, what);
        return ((Number) v).doubleValue();
    }

    private static WebElement expand(int seq) {
        row(seq).findElement(By.cssSelector(".at-col-preview")).click();
        WebElement detail = Browser.waitFor(driver).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".at-detail[data-seq='" + seq + "']")));
        Browser.awaitPrimeFaces(driver);
        return driver.findElement(By.cssSelector(".at-detail[data-seq='" + seq + "']"));
    }
}
