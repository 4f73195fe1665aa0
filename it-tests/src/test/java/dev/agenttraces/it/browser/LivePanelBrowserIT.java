package dev.agenttraces.it.browser;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates by push (issue 11), in Chromium through the host's task page: the panel has no poll; a
 * WebSocket per panel (web.live.PanelSocket) tells it to refresh. A trace that starts after the page opened appears; steps
 * appended through the ingest API (this node: pushed on commit) and steps written straight into the shared
 * database (as another node behind the load balancer would: caught by the cross-node sweep) both arrive
 * without a reload; an expanded step stays expanded; a "New steps" marker sits where the update began; and a
 * viewer taken off the board gets "Task not found" at the next push, not the new steps.
 */
class LivePanelBrowserIT extends BrowserSuite {

    static final By ROWS = By.cssSelector(".at-timeline tbody tr.at-step");

    static long board;
    static long agent;
    static String viewer;
    static long viewerId;

    @BeforeAll
    static void start() {
        board = Fixtures.board(Fixtures.unique("Live board"));
        agent = Fixtures.agent(Fixtures.unique("Live agent"), "claude-sonnet-4-5", "anthropic");
        viewer = Fixtures.unique("live-viewer").replace(' ', '-');
        viewerId = Users.create(viewer, "viewer-pass", "VIEWER");
        Users.addToBoard(viewerId, board);
        Login.as(driver, base, viewer, "viewer-pass");
    }

    @Test
    void aTraceStartedAfterThePageOpenedArrivesByPushAndAnExpandedStepStaysExpanded() {
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Live task"), "working");
        Browser.openTaskPanel(driver, base, task);
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "No traces yet"));
        awaitSocketOpen();
        driver.executeScript("window.atNoReload = true;");

        String token = IngestClient.token(true);
        UUID trace = IngestClient.start(token, task, agent);
        assertThat(IngestClient.append(token, trace, IngestClient.batch(IntStream.rangeClosed(1, 3)
                .mapToObj(IngestClient::step).toArray(jakarta.json.JsonObjectBuilder[]::new))).statusCode()).isEqualTo(207);
        pushWait().until(d -> d.findElements(ROWS).size() == 3);
        assertThat(markerSeq()).isEqualTo("1");

        driver.findElements(ROWS).get(1).findElement(By.cssSelector(".ui-row-toggler")).click();
        Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".ui-expanded-row-content")).isEmpty());

        assertThat(IngestClient.append(token, trace, IngestClient.batch(IngestClient.step(4), IngestClient.step(5))).statusCode())
                .isEqualTo(207);
        pushWait().until(d -> d.findElements(ROWS).size() == 5);
        assertThat(markerSeq()).isEqualTo("4");
        assertThat(driver.findElements(By.cssSelector(".ui-expanded-row-content"))).as("the expanded step").hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".at-timeline tr.at-new"))).hasSize(2);
        assertThat(driver.executeScript("return window.atNoReload === true")).as("no reload").isEqualTo(true);
        assertThat(driver.executeScript("return Object.keys(PrimeFaces.widgets).filter(function (w) {"
                + " return PrimeFaces.widgets[w] instanceof PrimeFaces.widget.Poll; }).length")).isEqualTo(0L);
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "live-panel-pushed-steps");
    }

    @Test
    void stepsWrittenByAnotherNodeArriveAndAViewerOffTheBoardGetsNothingNew() {
        long own = Fixtures.board(Fixtures.unique("Live board left"));
        Users.addToBoard(viewerId, own);
        long task = Fixtures.reviewedTask(own, agent, Fixtures.unique("Live elsewhere"), "working");
        UUID trace = TraceFixtures.trace(task, agent, "RUNNING", "claude-sonnet-4-5", Instant.now().minusSeconds(30));
        TraceFixtures.steps(trace, TraceFixtures.Step.reasoning("first thought", 100, 10, "0.0010"));
        Browser.openTaskPanel(driver, base, task);
        Browser.waitFor(driver).until(d -> d.findElements(ROWS).size() == 1);
        awaitSocketOpen();
        driver.executeScript("window.atNoReload = true;");

        TraceFixtures.steps(trace, TraceFixtures.Step.reasoning("written on another node", 100, 10, "0.0010"));
        pushWait().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "written on another node"));
        assertThat(markerSeq()).isEqualTo("2");
        assertThat(driver.executeScript("return window.atNoReload === true")).isEqualTo(true);

        leaveBoard(own);
        TraceFixtures.steps(trace, TraceFixtures.Step.reasoning("after the viewer left", 100, 10, "0.0010"));
        pushWait().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Task not found"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("after the viewer left");
        driver.switchTo().defaultContent();
    }

    /** Pushes take a commit plus a round trip; the cross-node sweep runs every few seconds (default 5). */
    private static WebDriverWait pushWait() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The panel marks its body once the socket is open; the server then sends its first refresh (LiveUpdates#opened). */
    private static void awaitSocketOpen() {
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return document.body.getAttribute('data-live') === 'open' && jQuery.active === 0")));
    }

    private static String markerSeq() {
        WebElement marker = driver.findElement(By.cssSelector(".at-new-marker"));
        return marker.findElement(By.xpath("./ancestor::tr[1]")).findElement(By.cssSelector(".at-col-seq")).getText().strip();
    }

    private static void leaveBoard(long board) {
        TestDatabase.update("delete from board_member where board_id = ? and user_id = ?", board, viewerId);
    }
}
