package dev.agenttraces.it.demo;

import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TaskboardServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
 * its simulated agents (see {@link DemoProcess}). Within {@code it.demo.within-seconds} (60) of READY, signed
 * in to the host as the reviewer, it finds a task in Review with a trace in its panel beside Approve; a
 * running trace whose panel gains steps without a reload (pushed); a cost dashboard ranking at least five
 * tasks; and a paused agent, each saved as a screenshot under target/screenshots. It also checks what the
 * start itself showed: readiness never UP before the plugin was enabled, no EJB "Initializing" errors in the
 * log, and a favicon on the host and the plugin; then, beyond the minute, an agent's Traces tab with rows
 * and a drawn chart, and an admin overriding the paused agent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserIT {

    /** bin/demo's own agent token: the test reads the task list as the simulated agents do. */
    static final String DEMO_AGENT_TOKEN = "demo-agent-token";
    static final Pattern STEPS = Pattern.compile("([\\d,]+) steps");

    static DemoProcess demo;
    static ChromeDriver driver;
    static long within;

    @BeforeAll
    static void startTheDemo() {
        within = Long.getLong("it.demo.within-seconds", 60);
        String attach = System.getProperty("it.demo.attach");
        demo = attach != null ? DemoProcess.attach(attach)
                : DemoProcess.start(Integer.getInteger("it.demo.browser.port", TaskboardServer.port() + 6))
                        .awaitReady(Duration.ofMinutes(8));
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
        for (JsonObject task : tasks("REVIEW")) {
            Browser.openTaskPanel(driver, demo.base, task.getJsonNumber("id").longValue());
            if (!driver.findElements(By.cssSelector(".at-trace-item")).isEmpty()) {
                driver.switchTo().defaultContent();
                assertThat(driver.findElements(By.cssSelector("[id$='approve']"))).isNotEmpty();
                Browser.screenshot(driver, "demo-review-task-with-trace");
                assertWithinBudget("a Review task with a trace");
                return;
            }
            driver.switchTo().defaultContent();
        }
        throw new AssertionError("No task in Review has a trace in its panel");
    }

    @Test
    @Order(4)
    void aRunningTracesPanelGainsStepsWithoutAReload() {
        List<String> seen = new ArrayList<>();
        // The agents claim work all the time, but between two runs an agent may hold no task for a moment.
        for (int round = 0; round < 2; round++) {
            Browser.waitFor(driver).until(d -> !tasks("IN_PROGRESS").isEmpty());
            for (JsonObject task : tasks("IN_PROGRESS")) {
                if (gainsStepsByPush(task.getJsonNumber("id").longValue(), seen)) {
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
    @Order(3)
    void theCostDashboardRanksAtLeastFiveTasks() {
        driver.get(demo.base + "/dashboard.xhtml");
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("#ext-agent-traces-top-tasks-by-cost iframe")));
        try {
            Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector(".at-top-tasks tbody tr .at-task-link")).size() >= 5);
        } finally {
            driver.switchTo().defaultContent();
            Browser.screenshot(driver, "demo-cost-dashboard");
        }
        assertWithinBudget("a dashboard with five ranked tasks");
    }

    @Test
    @Order(2)
    void anAgentIsPausedOverBudget() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(Math.max(5, within - demo.secondsSinceReady())));
        wait.until(d -> {
            d.get(demo.base + "/agents.xhtml");
            return !d.findElements(By.cssSelector(".tb-agent-PAUSED")).isEmpty();
        });
        Browser.screenshot(driver, "demo-paused-agent");
        assertWithinBudget("a paused agent");
    }

    @Test
    @Order(5)
    void theStartWasReadyOnlyWithBothWarsAndLoggedNoInitializingErrors() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(demo.attached(), "the start was not watched");
        assertThat(demo.healthSeen).as("health answers while starting")
                .noneMatch(h -> h.startsWith("200 ") && !h.contains("\"ENABLED\""));
        assertThat(demo.output()).doesNotContain("Attempt to invoke when container is in Initializing");
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/favicon.ico", "/traces/favicon.ico")) {
            HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create(demo.base + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(icon.statusCode()).as(path).isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("image/");
        }
    }

    @Test
    @Order(6)
    void anAgentsTracesTabListsRunsBesideItsDrawnChart() {
        driver.get(demo.base + "/agent.xhtml?id=" + agentId("Scout"));
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Traces']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector(".tb-extension iframe")));
        Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".at-agent-traces tbody tr[data-ri]")).isEmpty());
        Browser.waitFor(driver).until(d -> ((Number) ((ChromeDriver) d).executeScript("var c = document.querySelector('.at-chart canvas');"
                + " if (!c || !c.width || !c.height) { return 0; } var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + " for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } } return n;")).longValue() > 100);
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "demo-agent-traces-tab");
    }

    @Test
    @Order(7)
    void anAdminOverridesThePause() {
        long coder = agentId("Coder");
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

    private static long agentId(String name) {
        HttpResponse<String> answer = new JsonHttp(DEMO_AGENT_TOKEN).get(demo.base + "/api/demo/agents");
        return JsonHttp.parse(answer.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
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

    private static List<JsonObject> tasks(String status) {
        HttpResponse<String> answer = new JsonHttp(DEMO_AGENT_TOKEN).get(demo.base + "/api/demo/tasks");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonHttp.parse(answer.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("status").equals(status)).toList();
    }

    private static void assertWithinBudget(String what) {
        assertThat(demo.secondsSinceReady()).as("seconds from READY to " + what).isLessThanOrEqualTo(within);
    }
}
