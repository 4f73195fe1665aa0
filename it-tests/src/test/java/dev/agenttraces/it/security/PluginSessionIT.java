package dev.agenttraces.it.security;

import com.nimbusds.jwt.SignedJWT;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostHttpSession;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskPanelSuite;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 1, over HTTP: a frame token is good once, a plugin session ends with its token (however
 * busy) and is renewed only through a fresh host token for the same user, a token for another user clears
 * the session, roles come from the shared tables on every request, the API creates no session, and no
 * Bearer token (the host's service token least of all) opens a page.
 */
class PluginSessionIT extends TaskPanelSuite {

    static final String ADMIN_PAGE = "/traces/admin/ingest-tokens.xhtml";

    static long task;
    static String other;
    static String panel;
    static String title;

    @BeforeAll
    static void taskAndSecondReviewer() {
        title = Fixtures.unique("Session task");
        task = Fixtures.reviewedTask(board, agent, title, "done");
        panel = panelOf(task);
        other = Fixtures.member("reviewer", "REVIEWER", board);
    }

    @Test
    void aFrameTokenIsGoodOnce() throws Exception {
        String url = HostTokens.signedUrl(base, user, Set.of("REVIEWER"), panel);
        assertThat(get(TestHttp.client(), url).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = get(TestHttp.client(), url);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).doesNotContain(title);
    }

    @Test
    void theSessionEndsWithItsTokenAndTheSameUserRenewsIt() throws Exception {
        HttpClient browser = TestHttp.browser();
        String shortLived = panel + "&at=" + new HostTokens.Spec(user, Set.of("REVIEWER"), panel)
                .validFor(Duration.ofSeconds(60)).sign();
        assertThat(get(browser, base + shortLived).statusCode()).isEqualTo(200);
        assertThat(get(browser, base + panel).statusCode()).as("the frame's later request").isEqualTo(200);

        HttpResponse<String> renewed = renew(browser, HostTokens.signedUrl("", user, Set.of("REVIEWER"), panel));
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.body()).contains("expiresAt");
        assertThat(renew(browser, HostTokens.signedUrl("", other, Set.of("REVIEWER"), panel)).statusCode())
                .as("renewal never switches users").isEqualTo(409);

        HttpClient expiring = TestHttp.browser();
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
    void aSessionInUseStillEndsWithItsToken() throws Exception {
        HttpClient browser = TestHttp.browser();
        String token = new HostTokens.Spec(user, Set.of("REVIEWER"), panel).validFor(Duration.ofSeconds(5)).sign();
        Instant expiry = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        long start = System.currentTimeMillis();
        assertThat(get(browser, base + panel + "&at=" + token).statusCode()).isEqualTo(200);
        int served = 0;
        int refused = 0;
        // The panel is read through the session once a second, across the token's expiry: the activity must
        // not stretch the session (answers that straddle the expiry prove nothing and are skipped).
        for (int tick = 1; refused < 3; tick++) {
            Thread.sleep(Math.max(0, start + tick * 1000L - System.currentTimeMillis()));
            Instant sent = Instant.now();
            HttpResponse<String> poll = get(browser, base + panel);
            if (Instant.now().isBefore(expiry)) {
                assertThat(poll.statusCode()).as("poll %d, before the expiry", tick).isEqualTo(200);
                assertThat(poll.body()).contains(title);
                served++;
            } else if (!sent.isBefore(expiry)) {
                assertThat(poll.statusCode()).as("poll %d, after the expiry", tick).isEqualTo(401);
                assertThat(poll.body()).doesNotContain(title);
                refused++;
            }
            assertThat(tick).as("polled long past the expiry").isLessThan(15);
        }
        assertThat(served).as("polls served while the token lived").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFrameTokenForAnotherUserClearsTheSession() throws Exception {
        // Both are admins, so only a cleared session (not a missing role) can refuse A's form to B's session.
        String a = Fixtures.member("admin-a", "ADMIN");
        String b = Fixtures.member("admin-b", "ADMIN");
        HostHttpSession browser = new HostHttpSession(base);
        HttpResponse<String> adminPage = browser.get(HostTokens.signedUrl("", a, Set.of("ADMIN"), ADMIN_PAGE));
        assertThat(adminPage.body()).as("A's admin UI").contains("id=\"tokens\"");
        String sessionOfA = SecurityHeadersIT.sessionCookie(adminPage.headers().allValues("Set-Cookie")).split(";")[0];
        String viewOfA = HostHttpSession.viewState(adminPage);

        assertThat(browser.get(HostTokens.signedUrl("", b, Set.of("ADMIN"), panel)).statusCode()).isEqualTo(200);
        String name = Fixtures.unique("cross-session token");
        HttpResponse<String> post = browser.post(ADMIN_PAGE, Map.of("tokens", "tokens", "jakarta.faces.ViewState", viewOfA,
                "tokens:name", name, "tokens:all_input", "on", "tokens:allBoards_input", "on", "tokens:create", "tokens:create"));
        assertThat(post.statusCode()).as("A's view is gone from B's session: " + post.body()).isEqualTo(400);
        assertThat(post.body()).contains("at-expired").doesNotContain("tokens:newToken");
        assertThat(TestDatabase.single("select count(*) from ingest_token where name = ?", name)).isZero();

        HttpResponse<String> old = TestHttp.client().send(HttpRequest.newBuilder(URI.create(base + panel))
                .header("Cookie", sessionOfA).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).as("A's old session id").isEqualTo(401);
        assertThat(old.body()).doesNotContain(title);
    }

    @Test
    void rolesComeFromTheDatabaseNotTheToken() throws Exception {
        String viewer = Fixtures.member("claims-admin", "VIEWER");
        HttpClient claimant = TestHttp.browser();
        HttpResponse<String> claimed = get(claimant, HostTokens.signedUrl(base, viewer, Set.of("ADMIN"), ADMIN_PAGE));
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(claimed.body()).contains("Only administrators can manage ingest tokens").doesNotContain("id=\"tokens\"");
        assertThat(get(claimant, base + ADMIN_PAGE).body()).as("through the session").doesNotContain("id=\"tokens\"");
        String api = "/traces/api/v1/tasks/" + task + "/traces";
        assertThat(bearer(api, HostTokens.mint(viewer, Set.of("ADMIN"), api)).statusCode())
                .as("an ADMIN claim reads no board the viewer is not a member of").isEqualTo(404);

        String admin = Fixtures.member("demoted-admin", "ADMIN");
        HttpClient browser = TestHttp.browser();
        assertThat(get(browser, HostTokens.signedUrl(base, admin, Set.of("ADMIN"), ADMIN_PAGE)).body()).contains("id=\"tokens\"");
        assertThat(get(browser, base + ADMIN_PAGE).body()).as("admin, through the session").contains("id=\"tokens\"");
        assertThat(get(browser, base + panel).body()).as("an admin sees every board").contains(title);
        Users.removeRole(admin, "ADMIN");
        HttpResponse<String> demoted = get(browser, base + ADMIN_PAGE);
        assertThat(demoted.statusCode()).isEqualTo(200);
        assertThat(demoted.body()).contains("Only administrators can manage ingest tokens").doesNotContain("id=\"tokens\"");
        assertThat(get(browser, base + panel).body()).as("no longer an admin, on no board").doesNotContain(title);
    }

    @Test
    void renewalNeedsASessionAndJson() throws Exception {
        HttpClient fresh = TestHttp.browser();
        assertThat(renew(fresh, HostTokens.signedUrl("", user, Set.of("REVIEWER"), panel)).statusCode()).isEqualTo(401);
        HttpResponse<String> form = fresh.send(HttpRequest.newBuilder(URI.create(base + "/traces/session/renew"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("url=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void aTokenOnTheApiCreatesNoSession() throws Exception {
        String path = "/traces/api/v1/agents/1/traces";
        HttpResponse<String> r = get(TestHttp.client(),
                base + path + "?at=" + HostTokens.mint(user, Set.of("REVIEWER"), path));
        assertThat(r.statusCode()).isLessThan(500);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void theHostsServiceTokenNeverOpensAPage() throws Exception {
        HttpResponse<String> r = get(TestHttp.client(),
                HostTokens.signedUrl(base, "taskboard-host", Set.of("ADMIN"), "/traces/admin/ingest-tokens.xhtml"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("tokens:name");
    }

    @Test
    void aBearerTokenNeverOpensAPage() throws Exception {
        HttpResponse<String> service = bearer(ADMIN_PAGE, HostTokens.mint("taskboard-host", Set.of("ADMIN"), ADMIN_PAGE));
        assertThat(service.statusCode()).as(service.body()).isEqualTo(403);
        assertThat(service.body()).doesNotContain("tokens:name");
        assertThat(service.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        HttpResponse<String> own = bearer(panel, HostTokens.mint(user, Set.of("REVIEWER"), panel));
        assertThat(own.statusCode()).as("pages take the signed link only").isEqualTo(403);
        assertThat(own.body()).doesNotContain(title);

        String api = "/traces/api/v1/tasks/" + task + "/traces";
        HttpResponse<String> read = bearer(api, HostTokens.mint("taskboard-host", Set.of("ADMIN"), api));
        assertThat(read.statusCode()).as("the same kind of token on the API: " + read.body()).isEqualTo(200);
    }

    private static HttpResponse<String> renew(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/traces/session/renew"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> bearer(String path, String token) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
