package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostHttpSession;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import dev.agenttraces.it.support.TaskboardServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.agenttraces.it.ingest.IngestClient.post;
import static dev.agenttraces.it.ingest.IngestClient.startBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page creates a token whose value works on the ingest API at once and revokes it; non-admins only get
 * an explanation; an admin who loses the role while the page is open can no longer create or revoke
 * with it (the role is read from the shared tables on every action, never kept in the view).
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

            // Revoked on the page (the Name field left empty, as it is after a create), it writes no more.
            By row = By.xpath("(//tbody[@id='tokens:list_data']/tr[td[normalize-space()='Browser-made token']])[1]");
            browser.findElement(row).findElement(By.cssSelector("button[id$=':revoke']")).click();
            Browser.waitFor(browser).until(ExpectedConditions.alertIsPresent()).accept();
            Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(row).getText().contains("revoked"));
            Browser.screenshot(browser, "ingest-tokens-revoked");
            HttpResponse<String> refused = post("/traces", token, startBody(null, task, agent));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);

            browser.get(HostTokens.signedUrl(base, "token-viewer", Set.of("VIEWER"), PAGE));
            assertThat(browser.getPageSource()).contains("Only administrators can manage ingest tokens")
                    .doesNotContain("Browser-made token");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aDemotedAdminCannotCreateOrRevoke() {
        String base = TaskboardServer.start();
        String admin = Fixtures.member("demoted-token-admin", "ADMIN");
        String revokedWhileAdmin = IngestClient.token(true);
        String keptAfterDemotion = IngestClient.token(true);
        HostHttpSession browser = new HostHttpSession(base);
        HttpResponse<String> page = browser.get(HostTokens.signedUrl("", admin, Set.of("ADMIN"), PAGE));
        assertThat(page.body()).contains("id=\"tokens\"");

        // As an admin, the same crafted posts act: they are what the demoted admin sends below.
        page = browser.post(PAGE, revoke(page, revokedWhileAdmin));
        assertThat(revoked(revokedWhileAdmin)).as("revoked by the admin's post").isTrue();
        String made = Fixtures.unique("made by post");
        page = browser.post(PAGE, create(page, made));
        assertThat(page.body()).contains("tokens:newToken");
        assertThat(named(made)).isEqualTo(1);

        Users.removeRole(admin, "ADMIN");
        String late = Fixtures.unique("made after demotion");
        HttpResponse<String> created = browser.post(PAGE, create(page, late));
        assertThat(created.body()).doesNotContain("tokens:newToken").doesNotContain("id=\"tokens\"");
        assertThat(named(late)).as("no token created by a former admin").isZero();
        HttpResponse<String> revokedLate = browser.post(PAGE, revoke(page, keptAfterDemotion));
        assertThat(revokedLate.body()).doesNotContain("id=\"tokens\"");
        assertThat(revoked(keptAfterDemotion)).as("no token revoked by a former admin").isFalse();
    }

    /** The token form's fields, posted with the view state of {@code page}, as the Create button sends them. */
    private static Map<String, String> create(HttpResponse<String> page, String name) {
        Map<String, String> form = form(page);
        form.put("tokens:name", name);
        form.put("tokens:all_input", "on");
        form.put("tokens:allBoards_input", "on");
        form.put("tokens:create", "tokens:create");
        return form;
    }

    /** The Revoke button of the token's row in {@code page}, posted with its view state. */
    private static Map<String, String> revoke(HttpResponse<String> page, String token) {
        String name = IngestClient.name(token);
        Matcher m = Pattern.compile(">" + Pattern.quote(name) + "<.*?id=\"(tokens:list:\\d+:revoke)\"", Pattern.DOTALL)
                .matcher(page.body());
        assertThat(m.find()).as("a Revoke button for " + name).isTrue();
        Map<String, String> form = form(page);
        form.put(m.group(1), m.group(1));
        return form;
    }

    private static boolean revoked(String token) {
        return TestDatabase.single("select count(*) from ingest_token where token_hash = ? and revoked_at is not null",
                IngestClient.sha256(token)) == 1;
    }

    private static long named(String name) {
        return TestDatabase.single("select count(*) from ingest_token where name = ?", name);
    }

    private static Map<String, String> form(HttpResponse<String> page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tokens", "tokens");
        form.put("jakarta.faces.ViewState", HostHttpSession.viewState(page));
        return form;
    }
}
