package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.Users;
import dev.agenttraces.it.support.TaskboardServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.http.HttpResponse;
import java.util.Set;

import static dev.agenttraces.it.ingest.IngestClient.post;
import static dev.agenttraces.it.ingest.IngestClient.startBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page creates a token whose value works on the ingest API at once; non-admins only get
 * an explanation.
 */
class IngestTokensPageIT {

    static final String PAGE = "/traces/admin/ingest-tokens.xhtml";

    @Test
    void anAdminCreatesATokenThatIngestAccepts() {
        String base = TaskboardServer.start();
        long board = Fixtures.board(Fixtures.unique("Token page board"));
        long agent = Fixtures.agent(Fixtures.unique("Token page agent"), "m", "p");
        long task = Fixtures.reviewedTask(board, agent, "Token page task", "done");
        ChromeDriver browser = Browser.start();
        try {
            Users.ensure("token-admin", "ADMIN");
            browser.get(HostTokens.signedUrl(base, "token-admin", Set.of("ADMIN"), PAGE));
            Browser.awaitPrimeFaces(browser);
            browser.findElement(By.id("tokens:name")).sendKeys("Browser-made token");
            browser.findElement(By.cssSelector("#tokens\\:all .ui-chkbox-box")).click();
            browser.findElement(By.cssSelector("#tokens\\:allBoards .ui-chkbox-box")).click();
            browser.findElement(By.id("tokens:create")).click();
            String token;
            try {
                token = Browser.waitFor(browser)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("tokens:newToken"))).getDomProperty("value");
            } catch (RuntimeException e) {
                Browser.screenshot(browser, "ingest-tokens-failed");
                throw new AssertionError("no token shown; page: " + browser.getPageSource(), e);
            }
            Browser.screenshot(browser, "ingest-tokens-created");
            assertThat(token).startsWith("at_");
            assertThat(browser.findElement(By.id("tokens:list")).getAttribute("innerHTML"))
                    .contains("Browser-made token").contains("all agents").contains("token-admin");

            HttpResponse<String> started = post("/traces", token, startBody(null, task, agent));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

            browser.get(HostTokens.signedUrl(base, "token-viewer", Set.of("VIEWER"), PAGE));
            assertThat(browser.getPageSource()).contains("Only administrators can manage ingest tokens")
                    .doesNotContain("Browser-made token");
        } finally {
            browser.quit();
        }
    }
}
