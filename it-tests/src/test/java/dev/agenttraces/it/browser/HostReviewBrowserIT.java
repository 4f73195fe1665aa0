package dev.agenttraces.it.browser;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host as its users meet it in Chromium: a reviewer signs in, walks board → task, sees the plugin's
 * panel and approves; a viewer who belongs to one board is refused another board's task and board (and
 * the admin pages); an admin sees every board, an agent's budget dot, and saves its budget settings.
 */
class HostReviewBrowserIT extends BrowserSuite {

    static long ownBoard;
    static long otherBoard;
    static String ownBoardName;
    static String reviewer;
    static String viewer;
    static String reviewTitle;
    static String secretTitle;
    static long secretTask;
    static String admin;
    static long agentId;
    static String agentName;

    @BeforeAll
    static void start() {
        ownBoardName = Fixtures.unique("Platform");
        ownBoard = Fixtures.board(ownBoardName);
        otherBoard = Fixtures.board(Fixtures.unique("Research"));
        agentName = Fixtures.unique("Coder");
        long agent = Fixtures.agent(agentName, "claude-sonnet-4-5", "anthropic");
        agentId = agent;
        reviewTitle = Fixtures.unique("Add rate limiting");
        Fixtures.reviewedTask(ownBoard, agent, reviewTitle, "Token bucket per API key, 100 req/min.");
        secretTitle = Fixtures.unique("Secret research task");
        secretTask = Fixtures.reviewedTask(otherBoard, agent, secretTitle, "Confidential findings.");

        reviewer = Fixtures.unique("reviewer").replace(' ', '-');
        long reviewerId = Users.create(reviewer, "reviewer-pass", "REVIEWER");
        Users.addToBoard(reviewerId, ownBoard);
        Users.addToBoard(reviewerId, otherBoard);
        viewer = Users.member("viewer", "viewer-pass", "VIEWER", ownBoard);
        admin = Fixtures.unique("admin").replace(' ', '-');
        Users.create(admin, "admin-pass", "ADMIN");
    }

    @Test
    void reviewerOpensACompletedTaskSeesThePluginPanelAndApproves() {
        Login.as(driver, base, reviewer, "reviewer-pass");
        driver.findElement(By.linkText(ownBoardName)).click();
        Browser.awaitPrimeFaces(driver);

        driver.findElement(By.xpath("//section[@data-status='REVIEW']//a[contains(., '" + reviewTitle + "')]")).click();
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(reviewTitle);
        assertThat(driver.findElement(By.id("task-output")).getText()).contains("Token bucket");

        Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), reviewTitle));
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "host-task-in-review");

        driver.findElement(By.id("task:approve")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBe(By.id("task:task-status"), "Done"));
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElements(By.id("task:approve"))).isEmpty();
        Browser.screenshot(driver, "host-task-approved");
    }

    @Test
    void viewerSeesOnlyTheirBoardAndIsRefusedTheOthersTask() {
        Login.as(driver, base, viewer, "viewer-pass");
        assertThat(driver.findElements(By.linkText(ownBoardName))).hasSize(1);
        assertThat(driver.getPageSource()).doesNotContain("Research");

        driver.get(base + "/task.xhtml?id=" + secretTask);
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertThat(driver.getPageSource()).doesNotContain(secretTitle).doesNotContain("Confidential findings");
        Browser.screenshot(driver, "host-viewer-refused");

        driver.get(base + "/board.xhtml?id=" + otherBoard);
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertThat(driver.getPageSource()).doesNotContain(secretTitle);

        driver.get(base + "/admin/plugins.xhtml");
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
    }

    @Test
    void adminSeesTheBudgetDotAndSavesBudgetSettings() throws Exception {
        Login.as(driver, base, admin, "admin-pass");
        assertThat(driver.getPageSource()).contains(ownBoardName).contains("Research");

        driver.get(base + "/agents.xhtml");
        Browser.awaitPrimeFaces(driver);
        WebElement link = driver.findElement(By.linkText(agentName));
        assertThat(link.findElement(By.xpath("preceding-sibling::span[1]")).getAttribute("data-light")).isEqualTo("GREEN");

        link.click();
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.linkText("Budget")).click();
        WebElement resetDay = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("agent:tabs:reset-day_input")));
        resetDay.sendKeys(Keys.chord(Keys.CONTROL, "a"), "15");
        driver.findElement(By.id("agent:tabs:save-budget")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent:messages"), "Budget settings saved."));
        Browser.screenshot(driver, "host-agent-budget-saved");
        try (Connection c = TestDatabase.connect();
             ResultSet rs = c.createStatement().executeQuery("select budget_reset_day from agent where id = " + agentId)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(15);
        }

        driver.get(base + "/admin/plugins.xhtml");
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElements(By.id("forbidden"))).isEmpty();
    }
}
