package dev.agenttraces.it.demo;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user sees (issue 11), against the demo's own startup: {@code bin/demo} with its settings and
 * its simulated agents (see {@link DemoProcess}). Within {@code it.demo.within-seconds} (60) of READY, each
 * timed from READY, signed in to the host as the reviewer, it finds: a task in Review with a trace in its panel
 * beside Approve; a Done task with its traces; a run the simulator exported over OTLP in its task's panel; an
 * agent amber past its warning threshold beside a paused one; a cost dashboard ranking at least five tasks,
 * with non-zero costs; the agents' Traces tabs, opened through the host's agent page, with rows and a drawn
 * chart; and a running trace whose panel gains steps without a reload (pushed). Each is saved as a screenshot
 * under target/screenshots. It also checks what the start itself showed: readiness never UP before the plugin
 * was enabled, no EJB "Initializing" errors in the log, and a favicon on the host and the plugin; then an admin
 * overriding the paused agent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserIT {

    static final Pattern STEPS = Pattern.compile("([\\d,]+) steps");
    static final Pattern MONEY = Pattern.compile("\\$([\\d,]+\\.\\d+)");

    static DemoProcess demo;
    static DemoAgentApi api;
    static ChromeDriver driver;
    static long within;

    @BeforeAll
    static void startTheDemo() {
        within = Long.getLong("it.demo.within-seconds", 60);
        String attach = System.getProperty("it.demo.attach");
        demo = attach != null ? DemoProcess.attach(attach)
                : DemoProcess.start(Integer.getInteger("it.demo.browser.port", TaskboardServer.port() + 6))
                        .awaitReady(Duration.ofMinutes(8));
        api = new DemoAgentApi(demo.base);
        driver = Browser.start();
        Login.as(driver, demo.base, "reviewer", "reviewer-pass", "Rita Reviewer");
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void aTaskInReviewShowsItsTraceBesideApprove() {
        long task = firstWithTraces(api.tasks("REVIEW"), "No task in Review has a trace in its panel");
        driver.switchTo().defaultContent();
        assertThat(driver.findElements(By.cssSelector("[id$='approve']"))).as("Approve beside the trace of task %d", task).isNotEmpty();
        Browser.screenshot(driver, "demo-review-task-with-trace");
        assertWithinBudget("a Review task with a trace");
    }

    @Test
    @Order(2)
    void aDoneTaskShowsItsCompletedTraces() {
        long task = firstWithTraces(api.tasks("DONE"), "No Done task has a trace in its panel");
        assertThat(driver.findElements(By.cssSelector(".at-trace-item")).stream().map(WebElement::getText))
                .as("the traces of Done task %d", task).anyMatch(t -> t.contains("Completed"));
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "demo-done-task-with-traces");
        assertWithinBudget("a Done task with its traces");
    }

    /**
     * The runs the simulator exported over OTLP (http/protobuf, through the OpenTelemetry SDK's exporter) arrive:
     * the first one it logged is in its task's panel under its own id. And nothing fell back or got lost on the
     * way: the simulator warns of both, and neither warning is in the demo's log.
     */
    @Test
    @Order(3)
    void aRunExportedOverOtlpIsInItsTasksPanel() {
        String log = demo.output();
        SentRun run = SentRun.in(log).stream().filter(SentRun::otlp).findFirst()
                .orElseThrow(() -> new AssertionError("The simulator sent no run over OTLP; see " + demo.log));
        assertThat(log).doesNotContain("did not accept an empty export").doesNotContain("OTLP export to");
        Browser.openTaskPanel(driver, demo.base, run.taskId());
        Browser.waitFor(driver).until(d -> !d.findElements(By.id("trace-" + run.traceId())).isEmpty());
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "demo-otlp-trace");
        assertWithinBudget("a trace sent over OTLP");
    }

    @Test
    @Order(4)
    void oneAgentIsAmberPastItsWarningThresholdAndAnotherPaused() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(Math.max(5, within - demo.secondsSinceReady())));
        wait.until(d -> {
            d.get(demo.base + "/agents.xhtml");
            return !d.findElements(By.cssSelector(".tb-agent-PAUSED")).isEmpty();
        });
        List<String> rows = driver.findElements(By.cssSelector(".tb-table tbody tr")).stream()
                .map(r -> r.findElement(By.cssSelector("[data-light]")).getAttribute("data-light") + " "
                        + r.findElement(By.cssSelector(".tb-agent-status")).getText() + " "
                        + r.findElement(By.cssSelector(".tb-agent-link")).getText()).toList();
        // As README "What to click first" says: the Analyst amber, still working; the Coder red and paused.
        assertThat(rows).as("light, status and name of each agent").contains("AMBER ONLINE Analyst", "RED PAUSED Coder");
        Browser.screenshot(driver, "demo-paused-agent");
        Browser.screenshot(driver, "demo-amber-agent");
        assertWithinBudget("an amber and a paused agent");
    }

    @Test
    @Order(5)
    void theCostDashboardRanksAtLeastFiveTasksAtNonZeroCosts() {
        driver.get(demo.base + "/dashboard.xhtml");
        assertThat(dollars(driver.findElement(By.id("total-spend")).getText())).as("the host's spend this period").isPositive();
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#ext-agent-traces-top-tasks-by-cost iframe")));
        List<String> costs;
        try {
            Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector(".at-top-tasks tbody tr .at-task-link")).size() >= 5);
            costs = driver.findElements(By.cssSelector(".at-top-tasks tbody tr .at-col-cost-bar .at-money")).stream()
                    .map(WebElement::getText).toList();
            assertThat(driver.executeScript("return Array.from(document.querySelectorAll('.at-top-tasks tbody .at-col-cost-bar'))"
                    + ".filter(function (td) { var m = td.querySelector('.at-money');"
                    + " return m && m.getBoundingClientRect().right > td.getBoundingClientRect().right + 1; })"
                    + ".map(function (td) { return td.textContent.trim(); });"))
                    .as("costs cut off by their cell (a person would read \"$0.\")").asList().isEmpty();
        } finally {
            driver.switchTo().defaultContent();
            Browser.screenshot(driver, "demo-cost-dashboard");
        }
        assertThat(costs).as("the ranked tasks' costs").hasSizeGreaterThanOrEqualTo(5).doesNotContain("$0.00");
        assertThat(dollars(costs.getFirst())).as("the most expensive task's cost").isPositive();
        assertWithinBudget("a dashboard with five ranked tasks at non-zero costs");
    }

    /** Through the host's agent page, as a person opens it: the frame loads hidden, and its chart must still draw. */
    @Test
    @Order(6)
    void theAgentsTracesTabsListRunsBesideTheirDrawnCharts() {
        for (String agent : List.of("Scout", "Analyst")) {
            driver.get(demo.base + "/agent.xhtml?id=" + api.agentId(agent));
            Browser.awaitPrimeFaces(driver);
            driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Traces']")).click();
            Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector(".tb-extension iframe")));
            Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".at-agent-traces tbody tr[data-ri]")).isEmpty());
            Browser.waitFor(driver).until(d -> ((Number) ((ChromeDriver) d).executeScript("var c = document.querySelector('.at-chart canvas');"
                    + " if (!c || !c.width || !c.height) { return 0; } var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                    + " for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } } return n;")).longValue() > 100);
            driver.switchTo().defaultContent();
            Browser.screenshot(driver, agent.equals("Scout") ? "demo-agent-traces-tab" : "demo-agent-traces-tab-" + agent.toLowerCase());
        }
        assertWithinBudget("two agents' Traces tabs with rows and drawn charts");
    }

    @Test
    @Order(7)
    void aRunningTracesPanelGainsStepsWithoutAReload() {
        List<String> seen = new ArrayList<>();
        // The agents claim work all the time, but between two runs an agent may hold no task for a moment.
        for (int round = 0; round < 2; round++) {
            Browser.waitFor(driver).until(d -> !api.tasks("IN_PROGRESS").isEmpty());
            for (JsonObject task : api.tasks("IN_PROGRESS")) {
                if (gainsStepsByPush(DemoAgentApi.id(task), seen)) {
                    driver.switchTo().defaultContent();
                    Browser.screenshot(driver, "demo-running-trace-pushed");
                    assertWithinBudget("a running trace gaining steps by push");
                    return;
                }
                driver.switchTo().defaultContent();
            }
        }
        throw new AssertionError("No running trace gained steps in its open panel: " + seen);
    }

    /** Opens the task's panel; true once its running trace gained steps there with no reload. */
    private static boolean gainsStepsByPush(long task, List<String> seen) {
        Browser.openTaskPanel(driver, demo.base, task);
        Optional<Integer> before = runningSteps();
        seen.add("task " + task + " at " + demo.secondsSinceReady() + " s: " + before.map(n -> n + " steps").orElse("no running trace"));
        if (before.isEmpty()) {
            return false;
        }
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
        driver.executeScript("window.atNoReload = true;");
        try {
            wait.until(d -> runningSteps().filter(now -> now > before.get()).isPresent() || finishedSinceOpened(before.get()));
        } catch (TimeoutException e) {
            seen.add("no new steps in 30 s");
            return false;
        }
        assertThat(driver.executeScript("return window.atNoReload === true")).as("the panel was not reloaded").isEqualTo(true);
        return true;
    }

    @Test
    @Order(8)
    void theStartWasReadyOnlyWithBothWarsAndLoggedNoInitializingErrors() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(demo.attached(), "the start was not watched");
        assertThat(demo.healthSeen).as("health answers while starting")
                .noneMatch(h -> h.startsWith("200 ") && !h.contains("\"ENABLED\""));
        assertThat(demo.output()).doesNotContain("Attempt to invoke when container is in Initializing");
        HttpClient http = TestHttp.client();
        for (String path : List.of("/favicon.ico", "/traces/favicon.ico")) {
            HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create(demo.base + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(icon.statusCode()).as(path).isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("image/");
        }
    }

    @Test
    @Order(9)
    void anAdminOverridesThePause() {
        long coder = api.agentId("Coder");
        Login.as(driver, demo.base, "admin", "admin-pass", "Ada Admin");
        driver.get(demo.base + "/agent.xhtml?id=" + coder);
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Budget']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='override-resume']"))).click();
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        Browser.waitFor(driver).ignoring(StaleElementReferenceException.class).until(d ->
                "ONLINE".equals(d.findElement(By.id("agent-status")).getAttribute("textContent").strip()));
        Browser.screenshot(driver, "demo-admin-override");
    }

    /** The running trace's step count in the panel's trace list, if the panel has a running trace. */
    private static Optional<Integer> runningSteps() {
        for (WebElement item : driver.findElements(By.cssSelector(".at-trace-item"))) {
            String text = item.getText();
            Matcher m = STEPS.matcher(text);
            if (text.contains("Running") && m.find()) {
                return Optional.of(Integer.parseInt(m.group(1).replace(",", "")));
            }
        }
        return Optional.empty();
    }

    /** The run ended while watched: its final steps arrived by push, with no running trace left. */
    private static boolean finishedSinceOpened(int before) {
        return runningSteps().isEmpty() && driver.findElements(By.cssSelector(".at-trace-item")).stream()
                .map(e -> STEPS.matcher(e.getText())).filter(Matcher::find)
                .anyMatch(m -> Integer.parseInt(m.group(1).replace(",", "")) > before);
    }

    /**
     * Opens the panels of {@code tasks} in turn and stays in the frame of the first one that lists a trace (the
     * caller switches back); returns its task.
     */
    private static long firstWithTraces(List<JsonObject> tasks, String otherwise) {
        for (JsonObject task : tasks) {
            Browser.openTaskPanel(driver, demo.base, DemoAgentApi.id(task));
            if (!driver.findElements(By.cssSelector(".at-trace-item")).isEmpty()) {
                return DemoAgentApi.id(task);
            }
            driver.switchTo().defaultContent();
        }
        throw new AssertionError(otherwise);
    }

    /** The dollars of a shown amount ("$1,234.57", "$0.0123", "$0.85+"). */
    private static BigDecimal dollars(String shown) {
        Matcher m = MONEY.matcher(shown);
        assertThat(m.find()).as("an amount in %s", shown).isTrue();
        return new BigDecimal(m.group(1).replace(",", ""));
    }

    private static void assertWithinBudget(String what) {
        assertThat(demo.secondsSinceReady()).as("seconds from READY to " + what).isLessThanOrEqualTo(within);
    }
}
