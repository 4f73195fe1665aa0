package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskPanelSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 1, over HTTP: a frame token is good once, a plugin session ends with its token and is
 * renewed only through a fresh host token for the same user, the API creates no session, and the host's
 * service token never opens a page.
 */
class PluginSessionIT extends TaskPanelSuite {

    static String other;
    static String panel;
    static String title;

    @BeforeAll
    static void taskAndSecondReviewer() {
        title = Fixtures.unique("Session task");
        panel = panelOf(Fixtures.reviewedTask(board, agent, title, "done"));
        other = Fixtures.member("reviewer", "REVIEWER", board);
    }

    @Test
    void aFrameTokenIsGoodOnce() throws Exception {
        String url = HostTokens.signedUrl(base, user, Set.of("REVIEWER"), panel);
        assertThat(get(HttpClient.newHttpClient(), url).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = get(HttpClient.newHttpClient(), url);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).doesNotContain(title);
    }

    @Test
    void theSessionEndsWithItsTokenAndTheSameUserRenewsIt() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String shortLived = panel + "&at=" + new HostTokens.Spec(user, Set.of("REVIEWER"), panel)
                .validFor(Duration.ofSeconds(60)).sign();
        assertThat(get(browser, base + shortLived).statusCode()).isEqualTo(200);
        assertThat(get(browser, base + panel).statusCode()).as("the frame's later request").isEqualTo(200);

        HttpResponse<String> renewed = renew(browser, HostTokens.signedUrl("", user, Set.of("REVIEWER"), panel));
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.body()).contains("expiresAt");
        assertThat(renew(browser, HostTokens.signedUrl("", other, Set.of("REVIEWER"), panel)).statusCode())
                .as("renewal never switches users").isEqualTo(409);

        HttpClient expiring = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        long minted = System.currentTimeMillis();
        String brief = panel + "&at=" + new HostTokens.Spec(user, Set.of("REVIEWER"), panel)
                .validFor(Duration.ofSeconds(5)).sign();
        assertThat(get(expiring, base + brief).statusCode()).isEqualTo(200);
        Thread.sleep(Math.max(0, minted + 6000 - System.currentTimeMillis()));
        HttpResponse<String> late = get(expiring, base + panel);
        assertThat(late.statusCode()).as("past the token's expiry the session needs a fresh token").isEqualTo(401);
        assertThat(late.body()).doesNotContain(title);
    }

    @Test
    void renewalNeedsASessionAndJson() throws Exception {
        HttpClient fresh = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(renew(fresh, HostTokens.signedUrl("", user, Set.of("REVIEWER"), panel)).statusCode()).isEqualTo(401);
        HttpResponse<String> form = fresh.send(HttpRequest.newBuilder(URI.create(base + "/traces/session/renew"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("url=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void aTokenOnTheApiCreatesNoSession() throws Exception {
        String path = "/traces/api/v1/agents/1/traces";
        HttpResponse<String> r = get(HttpClient.newHttpClient(),
                base + path + "?at=" + HostTokens.mint(user, Set.of("REVIEWER"), path));
        assertThat(r.statusCode()).isLessThan(500);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void theHostsServiceTokenNeverOpensAPage() throws Exception {
        HttpResponse<String> r = get(HttpClient.newHttpClient(),
                HostTokens.signedUrl(base, "taskboard-host", Set.of("ADMIN"), "/traces/admin/ingest-tokens.xhtml"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("tokens:name");
    }

    private static HttpResponse<String> renew(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/traces/session/renew"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
