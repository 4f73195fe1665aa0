package dev.agenttraces.it.contract;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskPanelSuite;
import dev.agenttraces.it.support.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's side of the contract over real HTTP, on host + plugin as deployed together: it accepts
 * a genuine host token for its URL, and refuses forged, expired, wrong-audience and replayed tokens
 * with a clear 401/403 — on pages and on the read API alike.
 */
class HostTokenRefusalIT extends TaskPanelSuite {

    static String panel;
    static String otherPanel;

    @BeforeAll
    static void tasks() {
        panel = panelOf(Fixtures.reviewedTask(board, agent, "Tokens task", "done"));
        otherPanel = panelOf(Fixtures.reviewedTask(board, agent, "Other task", "done"));
    }

    @Test
    void acceptsAGenuineTokenAndKeepsTheIdentityForTheFramesLaterRequests() throws Exception {
        HttpClient browser = TestHttp.browser();
        HttpResponse<String> first = get(browser, HostTokens.signedUrl(base, user, Set.of("REVIEWER"), panel));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Tokens task");
        assertThat(first.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors"));

        HttpResponse<String> later = get(browser, base + otherPanel);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).contains("Other task");
    }

    @Test
    void refusesARequestWithoutAToken() throws Exception {
        HttpResponse<String> r = get(http11(), base + panel);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("signed link").doesNotContain("Tokens task");
    }

    @Test
    void refusesAForgedToken() throws Exception {
        assertRefused(new HostTokens.Spec(user, Set.of("ADMIN"), panel).forgedKey().sign(), panel, 401);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(new HostTokens.Spec(user, Set.of("REVIEWER"), panel).validFor(Duration.ofMinutes(-3)).sign(), panel, 401);
    }

    @Test
    void refusesATokenForAnotherPlugin() throws Exception {
        assertRefused(new HostTokens.Spec(user, Set.of("REVIEWER"), panel).audience("another-plugin").sign(), panel, 403);
    }

    @Test
    void refusesATokenReplayedOnAnotherUrl() throws Exception {
        String token = HostTokens.mint(user, Set.of("REVIEWER"), panel);
        assertRefused(token, otherPanel, 403);
    }

    @Test
    void refusesABadBearerTokenOnTheApiWithProblemJson() throws Exception {
        String path = "/traces/api/v1/agents/1/spend";
        String forged = new HostTokens.Spec(user, Set.of("ADMIN"), path).forgedKey().sign();
        HttpResponse<String> r = http11().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":401");
    }

    @Test
    void hostPublishesItsKeyAndHasEnabledThePluginFromItsDescriptor() throws Exception {
        HttpResponse<String> jwks = get(http11(), base + "/.well-known/jwks.json");
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
        HttpResponse<String> health = get(http11(), base + "/health");
        assertThat(health.body()).contains("taskboard-plugins").contains("ENABLED").contains("agent-traces-database");
    }

    /** HTTP/1.1, as browsers speak it over cleartext: Payara's h2c upgrade path is flaky (docs/PLATFORM.md #17). */
    private static HttpClient http11() {
        return TestHttp.client();
    }

    private static void assertRefused(String token, String path, int status) throws Exception {
        HttpResponse<String> r = get(http11(), base + path + "&at=" + token);
        assertThat(r.statusCode()).as("the answer to %s, whose body was %s", path, r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Tokens task").doesNotContain("Other task");
    }
}
