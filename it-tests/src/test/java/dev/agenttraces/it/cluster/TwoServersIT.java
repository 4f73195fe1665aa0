package dev.agenttraces.it.cluster;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TaskboardServer;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
 * both run once; and a signed-in reviewer goes on on the other server when theirs dies (the host's session is
 * replicated), still decided from the shared tables. Neither server's log may say that it could not serialize a session attribute.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

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
     * A reviewer signs in on the first server and opens a task (the host's frame signs a plugin session in there).
     * The first server is killed (SIGKILL); the same browser, with the same cookies, goes on on the second: the
     * host's session was replicated, so the task page shows the reviewer without a new sign-in, and its frame shows
     * the plugin's panel (the host signs the frame a new plugin session there; the plugin WAR is not distributable,
     * see docs/SCALE.md). Still decided from the shared tables: a host logout on the second server ends the plugin
     * session, and the plugin's page refuses the old cookies.
     */
    @Test
    @Order(3)
    void aSignedInReviewerGoesOnOnTheOtherServerWhenTheirsDies() throws Exception {
        String title = Fixtures.unique("Failover task");
        long failoverTask = Fixtures.reviewedTask(board, agent, title, "done");
        String user = Users.member("failover", "failover-pass", "REVIEWER", board);
        String a = ClusterMembers.base(0);
        String b = ClusterMembers.base(1);
        ChromeDriver driver = Browser.start();
        try {
            Login.as(driver, a, user, "failover-pass");
            Browser.openTaskPanel(driver, a, failoverTask);
            assertThat(driver.getPageSource()).contains(title);
            driver.switchTo().defaultContent();

            members.kill(0);

            Browser.openTaskPanel(driver, b, failoverTask);
            Browser.screenshot(driver, "cluster-failover-panel");
            assertThat(driver.findElement(By.id("at-task-title")).getAttribute("textContent")).isEqualTo(title);
            driver.switchTo().defaultContent();
            assertThat(driver.findElement(By.id("signed-in-user")).getText()).as("the host session, replicated").isEqualTo(user);

            Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/login.xhtml"));
            driver.get(b + "/traces/task-panel.xhtml?task=" + failoverTask);
            assertThat(driver.findElements(By.id("at-refused"))).as("after the host logout on the other server").hasSize(1);
            assertThat(driver.getPageSource()).doesNotContain(title);
        } finally {
            driver.quit();
        }
        for (int m = 0; m < ClusterMembers.MEMBERS; m++) {
            String log = Files.readString(TaskboardServer.logFile(ClusterMembers.port(m)), StandardCharsets.ISO_8859_1);
            assertThat(log).as("member %d's log", m).doesNotContain("Cannot serialize session attribute")
                    .doesNotContain("WELD-001500").doesNotContain("InvalidClassException").doesNotContain("NotSerializableException");
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(200); // polling the shared database
        }
    }
}
