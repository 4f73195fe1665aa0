package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.TraceFixtures.Step;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.util.UUID;

import static dev.agenttraces.it.views.TaskPanelViewIT.HOSTILE;
import static dev.agenttraces.it.views.TaskPanelViewIT.expand;
import static dev.agenttraces.it.views.TaskPanelViewIT.row;
import static dev.agenttraces.it.views.TaskPanelViewIT.scene;
import static org.assertj.core.api.Assertions.assertThat;

/** A trace whose steps form a tree, in Chromium: indentation, collapsible branches, an LLM call's conversation. */
class StepTreeViewIT extends ViewPages {

    @Test
    void showsTheTreeFoldsBranchesAndRendersTheConversationSafely() {
        TaskPanelViewIT.Scene s = scene("Review the login fix");
        UUID trace = TraceFixtures.trace(s.task(), s.agent(), "COMPLETED", "claude-sonnet-4-5", Instant.now().minusSeconds(600));
        TraceFixtures.steps(trace,
                Step.llmCall("I will read the test.", 1200, 80, "0.0048"),
                Step.toolCall("read_file", "{\"path\":\"LoginTest.java\"}"),
                Step.toolResult("read_file", "class LoginTest {}"),
                Step.agent("invoke_agent reviewer"),
                Step.llmCall("Looks good.", 300, 20, "0.0012"));
        TraceFixtures.place(trace, 1, null, TraceFixtures.conversation("You are careful.",
                "Fix **login**. " + HOSTILE, "I will read the test."));
        TraceFixtures.place(trace, 2, 1, null);
        TraceFixtures.place(trace, 3, 2, null);
        TraceFixtures.place(trace, 5, 4, null);

        open("/task-panel.xhtml?task=" + s.task());
        visible(By.cssSelector(".at-timeline"));
        assertThat(depth(1)).isEqualTo("0");
        assertThat(depth(2)).isEqualTo("1");
        assertThat(depth(3)).isEqualTo("2");
        assertThat(depth(5)).isEqualTo("1");
        assertThat(row(1).getAttribute("class")).contains("at-parent", "at-type-llm-call");
        assertThat(row(3).getAttribute("class")).doesNotContain("at-parent");
        assertThat(row(1).findElement(By.cssSelector(".at-model-name")).getText()).isEqualTo("claude-sonnet-4-5");
        assertThat(row(1).findElement(By.cssSelector(".at-branch-total")).getText()).contains("1,280 tokens", "$0.0048");
        assertThat(row(4).findElement(By.cssSelector(".at-branch-total")).getText()).contains("320 tokens", "$0.0012");
        assertThat(row(3).findElements(By.cssSelector(".at-branch-total"))).isEmpty();

        row(1).findElement(By.cssSelector(".at-branch-toggle")).click();
        awaitAjax();
        Browser.waitFor(driver).until(d -> all("tr.at-step").size() == 3);
        assertThat(all("tr.at-step")).extracting(r -> r.findElement(By.xpath("td[2]")).getText())
                .containsExactly("1", "4", "5");
        row(1).findElement(By.cssSelector(".at-branch-toggle")).click();
        awaitAjax();
        Browser.waitFor(driver).until(d -> all("tr.at-step").size() == 5);

        WebElement call = expand(1);
        assertThat(call.findElements(By.cssSelector(".at-message"))).hasSize(3);
        WebElement user = call.findElement(By.cssSelector(".at-message[data-role='user'] .at-message-text"));
        assertThat(user.findElement(By.tagName("strong")).getText()).isEqualTo("login");
        assertThat(user.getText()).contains("<script>");
        assertThat(Browser.injectedMarkup(driver, "#at-task-panel")).isEmpty();
        call.findElement(By.cssSelector(".at-raw-toggle")).click();
        assertThat(call.findElement(By.cssSelector(".at-message[data-role='user'] .at-message-raw")).getText())
                .contains("Fix **login**.");
        assertNotPwned();
    }

    private static String depth(int seq) {
        return row(seq).findElement(By.cssSelector(".at-branch")).getAttribute("data-depth");
    }
}
