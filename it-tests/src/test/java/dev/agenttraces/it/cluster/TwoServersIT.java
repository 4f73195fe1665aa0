package dev.agenttraces.it.cluster;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TcpRelay;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Payara Micro servers clustered with Payara's own Hazelcast on one PostgreSQL ({@link ClusterMembers}):
 * both ingest the same traces at once, exactly ({@link SharedIngest}); a retention run and a recompute asked of
 * both run once; and a signed-in reviewer goes on on the other server when theirs dies, through a balancer: the
 * host's and the plugin's sessions are replicated, and the open panel's live socket reconnects; still decided from
 * the shared tables. Neither server's log may say that it could not serialize a session attribute.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

    static final By STEP_ROWS = By.cssSelector(".at-timeline tbody tr.at-step");

    static ClusterMembers members;
    static long board;
    static long agent;
    static long task;
    static List<UUID> ingested;

    @BeforeAll
    static void cluster() {
        members = new ClusterMembers().start();
        board = Fixtures.board(Fixtures.unique("Cluster board"));
        agent = Fixtures.agent(Fixtures.unique("Cluster agent"), "claude-sonnet-4-5", "anthropic");
        task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Cluster task"), "done");
    }

    @AfterAll
    static void stop() {
        if (members != null) {
            members.stop();
        }
    }

    @Test
    @Order(1)
    void bothServersIngestTheSameTracesAtOnceExactly() throws Exception {
        String[] apis = {ClusterMembers.base(0) + "/traces/api/v1", ClusterMembers.base(1) + "/traces/api/v1"};
        ingested = SharedIngest.bothServersIngestTheSameTraces(apis, board, agent);
    }

    /**
     * The admin asks each server in turn for a retention run and for a recompute of every trace, while this test
     * holds the row locks of a trace each needs (so the first server's run is certainly still running when the
     * second is asked, however fast the machine): the second server is refused, because the one-running constraint
     * of {@code retention_run} and {@code recompute_job} is in the shared database. Once the locks go, the one run
     * and the one job finish: the old trace is removed once and the rollups are exact.
     */
    @Test
    @Order(2)
    void aRetentionRunAndARecomputeAskedOfBothServersRunOnce() throws Exception {
        long runsBefore = TestDatabase.single("select coalesce(max(id), 0) from retention_run");
        long jobsBefore = TestDatabase.single("select coalesce(max(id), 0) from recompute_job");
        long oldBoard = Fixtures.board(Fixtures.unique("Cluster retention board"));
        long oldAgent = Fixtures.agent(Fixtures.unique("Cluster old agent"), "claude-sonnet-4-5", "anthropic");
        long oldTask = Fixtures.reviewedTask(oldBoard, oldAgent, Fixtures.unique("Cluster old task"), "done");
        UUID old = TraceFixtures.trace(oldTask, oldAgent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minus(Duration.ofDays(5)));
        TraceFixtures.steps(old, TraceFixtures.Step.reasoning("Old work.", 100, 20, "0.001"));
        TestDatabase.update("insert into board_retention (board_id, days, updated_by) values (?, 1, 'TwoServersIT')", oldBoard);
        String admin = Fixtures.unique("cluster-admin").replace(' ', '-');
        Users.create(admin, "admin-pass", "ADMIN");

        try (Connection hold = TestDatabase.connect()) {
            hold.setAutoCommit(false);
            try (PreparedStatement lock = hold.prepareStatement("select id from trace where id in (?, ?) for update")) {
                lock.setObject(1, old);
                lock.setObject(2, ingested.get(0));
                lock.executeQuery().close();
            }
            ChromeDriver driver = Browser.start();
            try {
                for (int m = 0; m < ClusterMembers.MEMBERS; m++) {
                    String base = ClusterMembers.base(m);
                    Login.as(driver, base, admin, "admin-pass");
                    Browser.openTaskPanel(driver, base, task);
                    driver.switchTo().defaultContent();
                    AdminClicks.runRetention(driver, base);
                    awaitAnswer(driver, m, "retention_run", runsBefore);
                    AdminClicks.recomputeAll(driver, base);
                    awaitAnswer(driver, m, "recompute_job", jobsBefore);
                }
            } finally {
                driver.quit();
            }
            hold.commit();
        }
        for (String table : List.of("retention_run", "recompute_job")) {
            long before = table.equals("retention_run") ? runsBefore : jobsBefore;
            awaitUntil(() -> TestDatabase.single("select count(*) from " + table + " where id > ? and running = 1", before) == 0);
            assertThat(TestDatabase.single("select count(*) from " + table + " where id > ?", before)).as(table).isEqualTo(1);
            assertThat(TestDatabase.firstOrNull(String.class, "select status from " + table + " where id > ?", before))
                    .as(table).isEqualTo("DONE");
        }
        assertThat(TestDatabase.single("select count(*) from trace where id = ?", old)).as("the old trace, removed").isZero();
        try (Connection c = TestDatabase.connect()) {
            assertThat(SpendRollupSums.mismatches(c, agent)).isEmpty();
        }
    }

    /** The first server's click started the one run (the database shows it running); the second's is refused. */
    private static void awaitAnswer(ChromeDriver driver, int member, String table, long before) throws InterruptedException {
        if (member == 0) {
            awaitUntil(() -> TestDatabase.single("select count(*) from " + table + " where id > ? and running = 1", before) == 1);
        } else {
            AdminClicks.awaitRefusal(driver);
        }
    }

    /**
     * A reviewer signs in through the balancer ({@link ClusterMembers#balancer}, which sends each new connection to
     * the first member that accepts: the first server while it lives) and opens a task with a running trace; its
     * panel's live socket is on the first server, and a step ingested on the second reaches it (the first server's
     * sweep reads the shared database). The first server is killed (SIGKILL). The same page, never reloaded, goes
     * on on the second: its socket reconnects there, the second server's push of a step ingested there reaches it, and
     * the refresh it triggers is served from the replicated plugin session and view. The frame's next request,
     * carrying only the plugin session's cookie (no newly signed URL), is answered 200 with the task. The host's page,
     * opened again, shows the reviewer still signed in (its session replicated too). Still decided from the shared
     * tables: a host logout on the second server ends the plugin session, and the plugin's page refuses the cookies.
     */
    @Test
    @Order(3)
    void aSignedInReviewerGoesOnOnTheOtherServerWhenTheirsDies() throws Exception {
        String title = Fixtures.unique("Failover task");
        long failoverTask = Fixtures.reviewedTask(board, agent, title, "working");
        UUID trace = TraceFixtures.trace(failoverTask, agent, "RUNNING", "claude-sonnet-4-5", Instant.now().minusSeconds(30));
        TraceFixtures.steps(trace, TraceFixtures.Step.reasoning("Before the failover.", 100, 10, "0.0010"));
        String token = IngestClient.tokenInDatabase(false, agent);
        String user = Users.member("failover", "failover-pass", "REVIEWER", board);
        String panel = "/traces/task-panel.xhtml?task=" + failoverTask;
        try (TcpRelay balancer = members.balancer()) {
            String front = "http://localhost:" + balancer.port();
            ChromeDriver driver = Browser.start();
            try {
                Login.as(driver, front, user, "failover-pass");
                Browser.openTaskPanel(driver, front, failoverTask);
                assertThat(driver.findElement(By.id("at-task-title")).getAttribute("textContent")).isEqualTo(title);
                awaitLiveSocket(driver);
                driver.executeScript("window.atNoReload = true;");
                ingestStep(1, token, trace, 2);
                pushWait(driver).until(d -> d.findElements(STEP_ROWS).size() == 2);

                members.kill(0);

                ingestStep(1, token, trace, 3);
                pushWait(driver).until(d -> d.findElements(STEP_ROWS).size() == 3);
                assertThat(driver.executeScript("return window.atNoReload === true")).as("the same page, never reloaded").isEqualTo(true);
                @SuppressWarnings("unchecked")
                List<Object> answer = (List<Object>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) {"
                        + " return r.text().then(function (t) { done([r.status, t]); }); });", panel);
                assertThat(answer.get(0)).as("the frame's request with the plugin session's cookie only").isEqualTo(200L);
                assertThat((String) answer.get(1)).contains(title);
                driver.switchTo().defaultContent();
                Browser.screenshot(driver, "cluster-failover-live-panel");

                Browser.openTaskPanel(driver, front, failoverTask);
                assertThat(driver.findElement(By.id("at-task-title")).getAttribute("textContent")).isEqualTo(title);
                driver.switchTo().defaultContent();
                assertThat(driver.findElement(By.id("signed-in-user")).getText()).as("the host session, replicated").isEqualTo(user);

                Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
                Browser.waitFor(driver).until(ExpectedConditions.urlContains("/login.xhtml"));
                driver.get(front + panel);
                assertThat(driver.findElements(By.id("at-refused"))).as("after the host logout on the other server").hasSize(1);
                assertThat(driver.getPageSource()).doesNotContain(title);
            } finally {
                driver.quit();
            }
        }
        for (int m = 0; m < ClusterMembers.MEMBERS; m++) {
            String log = Files.readString(TaskboardServer.logFile(ClusterMembers.port(m)), StandardCharsets.ISO_8859_1);
            assertThat(log).as("member %d's log", m).doesNotContain("Cannot serialize session attribute")
                    .doesNotContain("WELD-001500").doesNotContain("InvalidClassException").doesNotContain("NotSerializableException");
        }
    }

    /** One step appended through one member's ingest API. */
    private static void ingestStep(int member, String token, UUID trace, int seq) {
        HttpResponse<String> r = IngestClient.post(ClusterMembers.base(member) + "/traces/api/v1", "/traces/" + trace + "/steps",
                token, IngestClient.batch(IngestClient.step(seq)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    }

    /** The panel marks its body once its socket is open; the server then sends its first refresh (LiveUpdates#opened). */
    private static void awaitLiveSocket(ChromeDriver driver) {
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return document.body.getAttribute('data-live') === 'open' && jQuery.active === 0")));
    }

    /** A push takes a commit or the other server's sweep (5 s) and a round trip; a reconnect after a kill, a few seconds more. */
    private static WebDriverWait pushWait(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(200); // polling the shared database
        }
    }
}
