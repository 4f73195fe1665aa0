package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A viewer never sees a task of a board they are not a member of, not even folded into totals. */
class MembershipViewIT extends ViewPages {

    @Test
    void otherBoardsStayInvisibleOnEveryScreen() {
        long mine = Fixtures.board(Fixtures.unique("My board"));
        long theirs = Fixtures.board(Fixtures.unique("Their board"));
        String user = Fixtures.unique("member").replace(' ', '-');
        Fixtures.user(user, "REVIEWER", mine);
        long agent = Fixtures.agent(Fixtures.unique("Shared agent"), "claude-sonnet-4-5", "anthropic");
        String myTitle = Fixtures.unique("My visible task");
        String secretTitle = Fixtures.unique("Secret task");
        long myTask = Fixtures.reviewedTask(mine, agent, myTitle, "ok");
        long secretTask = Fixtures.reviewedTask(theirs, agent, secretTitle, "ok");
        UUID myTrace = TraceFixtures.trace(myTask, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(100));
        TraceFixtures.steps(myTrace, Step.reasoning("visible work", 10, 10, "0.0200"));
        UUID secretTrace = TraceFixtures.trace(secretTask, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(50));
        TraceFixtures.steps(secretTrace, Step.reasoning("secret work", 10, 10, "7.0000"));

        driver.get(ViewerSession.url(base, "/traces/task-panel.xhtml?task=" + secretTask, user));
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.id("at-task-panel")).getText()).contains("Task not found").doesNotContain(secretTitle);

        driver.get(ViewerSession.url(base, "/traces/views/step-output?trace=" + secretTrace + "&seq=1", user));
        assertThat(driver.getPageSource()).doesNotContain("secret work");

        driver.get(ViewerSession.url(base, "/traces/agent-tab.xhtml?agent=" + agent, user));
        Browser.awaitPrimeFaces(driver);
        String tab = driver.findElement(By.id("at-agent-tab")).getText();
        assertThat(tab).contains(myTitle).doesNotContain(secretTitle).doesNotContain("$7.02").contains("$0.02");

        driver.get(ViewerSession.url(base, "/traces/cost-widget.xhtml", user));
        Browser.awaitPrimeFaces(driver);
        String widget = driver.findElement(By.id("at-cost-widget")).getText();
        assertThat(widget).contains(myTitle).doesNotContain(secretTitle).doesNotContain("$7.0");
        Browser.screenshot(driver, "views-membership-widget");
    }
}
