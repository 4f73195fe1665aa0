package dev.agenttraces.it.retention;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.TraceFixtures.Step;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention end to end: two boards with their own periods (10 and 30 days, the global period off), old and recent
 * traces with steps, flags, insight rows and annotations on both. The admin page saves the periods and previews the
 * next run per board (cutoff, traces, steps, cost, oldest trace); "Run now" removes exactly the traces before each
 * board's cutoff with every row that holds their id, keeps the rest, and the spend rollups still equal the sums of
 * the remaining steps (a back-dated trace received today included). A non-admin sees only an explanation.
 */
class RetentionIT {

    static final String PAGE = "/traces/admin/retention.xhtml";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    @Test
    void theAdminPagePreviewsAndRunsRetentionPerBoard() throws Exception {
        String base = TaskboardServer.start();
        String nameA = Fixtures.unique("Retention board A");
        String nameB = Fixtures.unique("Retention board B");
        long boardA = Fixtures.board(nameA);
        long boardB = Fixtures.board(nameB);
        long agent = Fixtures.agent(Fixtures.unique("Retention agent"), "claude-sonnet-4-5", "anthropic");
        long taskA = Fixtures.reviewedTask(boardA, agent, "Retention task A", "done");
        long taskB = Fixtures.reviewedTask(boardB, agent, "Retention task B", "done");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        UUID aOld = trace(taskA, agent, now.minus(20, ChronoUnit.DAYS), Step.reasoning("old", 100, 20, "0.50"),
                Step.llmCall("old reply", 100, 20, "0.25"));
        UUID aOlder = trace(taskA, agent, now.minus(12, ChronoUnit.DAYS), Step.reasoning("old", 10, 2, "0.75"),
                Step.reasoning("unpriced", 10, 2, null));
        UUID aNew = trace(taskA, agent, now.minus(2, ChronoUnit.DAYS), Step.reasoning("new", 10, 2, "0.10"));
        UUID bOld = trace(taskB, agent, now.minus(40, ChronoUnit.DAYS), Step.reasoning("old", 10, 2, "2.00"));
        UUID bKept = trace(taskB, agent, now.minus(20, ChronoUnit.DAYS), Step.reasoning("kept", 10, 2, "0.30"));
        RetentionRows.receivedNow(aOld); // back-dated: its budget day is today, its start day 20 days ago
        SpendRollupSums.rebuild();

        Users.ensure("retention-admin", "ADMIN");
        ChromeDriver browser = Browser.start();
        try {
            open(browser, base);
            assertThat(cells(browser, nameA)).containsSequence("kept forever", "–", "0", "0", "$0.00", "–");

            period(browser, nameA, "-3"); // refused with a message, nothing saved
            period(browser, nameB, "30");
            browser.findElement(By.id("retention:save")).click();
            Browser.waitFor(browser).until(d -> d.findElement(By.id("retention:messages")).getText()
                    .contains(nameA + ": a period is 0 (keep forever) to 36500 days"));
            assertThat(boardDays(boardB)).as("nothing saved while one period is refused").isNull();
            period(browser, nameA, "10");
            period(browser, nameB, "30");
            browser.findElement(By.id("retention:save")).click();
            Browser.waitFor(browser).until(d -> d.findElement(By.id("retention:messages")).getText()
                    .contains("Retention saved for 2 boards."));
            Browser.awaitPrimeFaces(browser);
            assertThat(cells(browser, nameA)).as("board A: 10 days")
                    .containsSequence("10 days", cutoff(now, 10), "2", "4", "$1.50\n+ 1 unpriced steps",
                            WHEN.format(now.minus(20, ChronoUnit.DAYS)));
            assertThat(cells(browser, nameB)).as("board B: 30 days")
                    .containsSequence("30 days", cutoff(now, 30), "1", "1", "$2.00", WHEN.format(now.minus(40, ChronoUnit.DAYS)));
            Browser.screenshot(browser, "retention-preview");

            long before = lastRun();
            browser.findElement(By.id("retention:runNow")).click();
            Browser.waitFor(browser).until(d -> d.findElement(By.cssSelector(".ui-confirmdialog-yes")).isDisplayed());
            browser.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
            Browser.waitFor(browser).until(d -> lastRun() > before
                    && d.findElement(By.id("retention:run")).getText().contains("Last run " + lastRun())
                    && d.findElement(By.id("retention:run")).getText().contains("DONE"));

            open(browser, base);
            assertThat(cells(browser, nameA)).as("nothing left to remove on A")
                    .containsSequence("10 days", cutoff(now, 10), "0", "0", "$0.00", "–");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "retention-failed");
            throw e;
        } finally {
            browser.quit();
        }

        for (UUID removed : List.of(aOld, aOlder, bOld)) {
            Map<String, Long> rows = RetentionRows.rows(removed);
            assertThat(rows).as("tables with a trace id").containsKeys("trace", "trace_step", "trace_insight",
                    "trace_step_flag", "step_annotation");
            assertThat(rows.values()).as("rows of removed trace " + removed + ": " + rows).allMatch(n -> n == 0);
        }
        for (UUID kept : List.of(aNew, bKept)) {
            assertThat(RetentionRows.rows(kept)).as("rows of kept trace " + kept)
                    .containsEntry("trace", 1L).containsEntry("trace_step", 1L).containsEntry("trace_insight", 1L)
                    .containsEntry("trace_step_flag", 1L).containsEntry("step_annotation", 1L);
        }
        try (Connection c = TestDatabase.connect()) {
            assertThat(SpendRollupSums.mismatches(c, agent)).isEmpty();
            LocalDate day20 = LocalDate.ofInstant(now.minus(20, ChronoUnit.DAYS), ZoneOffset.UTC);
            assertThat(rollupTraces(c, "spend_agent_day", agent, day20, boardA)).as("A's old day left").isNull();
            assertThat(rollupTraces(c, "spend_agent_day", agent, day20, boardB)).as("B keeps that day").isEqualTo(1L);
            LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
            assertThat(rollupTraces(c, "spend_agent_received_day", agent, today, boardA))
                    .as("the back-dated trace left today's budget").isIn(null, 0L);
            try (PreparedStatement ps = c.prepareStatement("select status, traces_removed from retention_run where id = ?")) {
                ps.setLong(1, lastRun());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("DONE");
                    assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(3);
                }
            }
        }

        HttpResponse<String> denied = TestHttp.client().send(HttpRequest.newBuilder(URI.create(
                HostTokens.signedUrl(base, "retention-viewer", Set.of("VIEWER"), PAGE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("Only administrators can manage retention").doesNotContain(nameA)
                .doesNotContain("Run now");
    }

    private static UUID trace(long task, long agent, Instant startedAt, Step... steps) {
        UUID id = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", startedAt);
        TraceFixtures.steps(id, steps);
        RetentionRows.dependents(id);
        return id;
    }

    private static void open(WebDriver browser, String base) {
        browser.get(HostTokens.signedUrl(base, "retention-admin", Set.of("ADMIN"), PAGE));
        Browser.awaitPrimeFaces(browser);
    }

    /** The preview's row of a board, found by its (unique) name in the first cell. */
    private static WebElement row(WebDriver browser, String board) {
        return browser.findElement(By.xpath("//*[@id='retention:preview']//tr[td[1][normalize-space()='" + board + "']]"));
    }

    /** The row's cells after the board name and the input: in force, cutoff, traces, steps, cost, oldest. */
    private static List<String> cells(WebDriver browser, String board) {
        return row(browser, board).findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim)
                .toList();
    }

    private static void period(WebDriver browser, String board, String days) {
        WebElement input = row(browser, board).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(days);
    }

    private static String cutoff(Instant now, int days) {
        return WHEN.format(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days).atStartOfDay(ZoneOffset.UTC));
    }

    private static Integer boardDays(long board) {
        return TestDatabase.firstOrNull(Integer.class, "select days from board_retention where board_id = ?", board);
    }

    private static long lastRun() {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from retention_run");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long rollupTraces(Connection c, String table, long agent, LocalDate day, long board) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select traces from " + table
                + " where agent_id = ? and spend_day = ? and board_id = ?")) {
            ps.setLong(1, agent);
            ps.setDate(2, Date.valueOf(day));
            ps.setLong(3, board);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
