package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostHttpSession;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 1: an admin signs in to the host, opens a task (the plugin's frame starts a plugin
 * session), and logs out. With the same cookies, the plugin's admin page and its API must no longer
 * answer with the admin's rights. On the old main the page was still served with the admin UI. Tokens the
 * host vouched for before the logout (a Bearer token, a signed frame URL) are refused too, although their
 * two minutes have not run out.
 */
class HostLogoutBrowserIT {

    static final String ADMIN_PAGE = "/traces/admin/ingest-tokens.xhtml";

    static String base;
    static long board;
    static String title;
    static long task;

    @BeforeAll
    static void data() {
        base = TaskboardServer.start();
        board = Fixtures.board(Fixtures.unique("Logout board"));
        long agent = Fixtures.agent(Fixtures.unique("Logout agent"), "gpt-4o", "openai");
        title = Fixtures.unique("Logout task");
        task = Fixtures.reviewedTask(board, agent, title, "done");
    }

    @Test
    void loggingOutOfTheHostEndsThePluginSession() throws Exception {
        String admin = Fixtures.unique("admin").replace(' ', '-');
        Users.create(admin, "admin-pass", "ADMIN");
        ChromeDriver driver = Browser.start();
        try {
            Login.as(driver, base, admin, "admin-pass");
            driver.get(base + "/task.xhtml?id=" + task);
            Browser.waitFor(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                    By.cssSelector("#ext-agent-traces-task-trace-panel iframe")));
            Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), title));
            driver.switchTo().defaultContent();

            driver.get(base + ADMIN_PAGE);
            Browser.awaitPrimeFaces(driver);
            assertThat(driver.findElements(By.id("tokens:name"))).as("signed in: the admin UI").hasSize(1);
            // Read here, on a plugin page, so the plugin's own session cookie (path /traces) is among them.
            String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));

            driver.get(base + "/");
            Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/login.xhtml"));

            HttpResponse<String> api = get(base + "/traces/api/v1/tasks/" + task + "/traces", cookies);
            assertThat(api.statusCode()).as("the API never takes a session").isEqualTo(401);
            assertThat(api.body()).doesNotContain(title);
            HttpResponse<String> page = get(base + ADMIN_PAGE, cookies);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(401);
            assertThat(page.body()).doesNotContain("tokens:name");

            driver.get(base + ADMIN_PAGE);
            Browser.screenshot(driver, "plugin-after-host-logout");
            assertThat(driver.findElements(By.id("tokens:name"))).as("after logout: no admin UI").isEmpty();
            assertThat(driver.findElements(By.id("at-refused"))).hasSize(1);
        } finally {
            driver.quit();
        }
    }

    @Test
    void tokensMintedBeforeTheLogoutAreRefusedAfterIt() throws Exception {
        String reviewer = Users.member("reviewer", "reviewer-pass", "REVIEWER", board);
        HostHttpSession host = new HostHttpSession(base);
        assertThat(host.login(reviewer, "reviewer-pass").statusCode()).isEqualTo(302);

        String api = "/traces/api/v1/tasks/" + task + "/traces";
        String bearer = HostTokens.mint(reviewer, Set.of("REVIEWER"), api);
        String control = frameUrl(host);
        String kept = frameUrl(host);
        assertThat(withBearer(base + api, bearer).statusCode()).as("the Bearer token before the logout").isEqualTo(200);
        assertThat(get(control, "").body()).as("a frame URL before the logout").contains(title);

        assertThat(host.post("/logout", Map.of("csrf", host.csrfToken())).statusCode()).isEqualTo(302);

        HttpResponse<String> read = withBearer(base + api, bearer);
        assertThat(read.statusCode()).as("the same Bearer token after the logout: " + read.body()).isEqualTo(401);
        assertThat(read.body()).doesNotContain(title);
        HttpResponse<String> frame = get(kept, "");
        assertThat(frame.statusCode()).as("a frame URL signed before the logout, never used").isEqualTo(401);
        assertThat(frame.body()).doesNotContain(title);
    }

    /** A frame URL for the task's trace panel, signed by the host for its signed-in user. */
    private static String frameUrl(HostHttpSession host) {
        HttpResponse<String> r = host.get("/plugins/frame-url?point=task-detail/panel/v1&key=task-trace-panel&task=" + task);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try (JsonReader json = Json.createReader(new StringReader(r.body()))) {
            String url = json.readObject().getString("url");
            return url.startsWith("/") ? base + url : url;
        }
    }

    private static HttpResponse<String> withBearer(String url, String token) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return TestHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
