package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers and cookies both WARs send, over real HTTP on host + plugin as deployed together: a
 * Content-Security-Policy that limits framing, a Referrer-Policy, nosniff, and session cookies that are
 * HttpOnly, SameSite=Lax and tracked by cookie only (no ;jsessionid in URLs).
 */
class SecurityHeadersIT {

    static String base;

    @BeforeAll
    static void server() {
        base = TaskboardServer.start();
    }

    @Test
    void hostPagesSendAPolicyThatFramesOnlyPluginsAndIsFramedOnlyByItself() throws Exception {
        HttpResponse<String> login = get(base + "/login.xhtml");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'self'")
                .contains("frame-src 'self'").contains("object-src 'none'").contains("form-action 'self'");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void hostSessionCookieIsHttpOnlyLaxAndNeverInUrls() throws Exception {
        HttpResponse<String> login = get(base + "/login.xhtml");
        String cookie = sessionCookie(login.headers().allValues("Set-Cookie"));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"); // plain HTTP here; Secure follows the request's scheme
        assertThat(login.body()).doesNotContainIgnoringCase(";jsessionid=");
    }

    @Test
    void pluginResponsesSendNoReferrerNosniffAndFrameAncestors() throws Exception {
        HttpResponse<String> descriptor = get(base + "/traces/plugin-descriptor.xml");
        assertThat(descriptor.statusCode()).isEqualTo(200);
        assertPluginHeaders(descriptor);
        HttpResponse<String> refused = get(base + "/traces/task-panel.xhtml?task=1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertPluginHeaders(refused);
    }

    @Test
    void pluginSessionCookieIsHttpOnlyLaxAndNeverInUrls() throws Exception {
        String admin = Fixtures.unique("headers-admin").replace(' ', '-');
        Users.create(admin, "unused-password", "ADMIN");
        String panel = "/traces/cost-widget.xhtml";
        HttpResponse<String> page = get(HostTokens.signedUrl(base, admin, Set.of("ADMIN"), panel));
        assertThat(page.statusCode()).isEqualTo(200);
        assertPluginHeaders(page);
        String cookie = sessionCookie(page.headers().allValues("Set-Cookie"));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(page.body()).doesNotContainIgnoringCase(";jsessionid=");
    }

    private static void assertPluginHeaders(HttpResponse<String> r) {
        List<String> policies = r.headers().allValues("Content-Security-Policy");
        assertThat(policies).anySatisfy(p -> assertThat(p).contains("default-src 'self'")
                .contains("frame-ancestors 'self'").contains("object-src 'none'"));
        assertThat(policies).allSatisfy(p -> assertThat(p).contains("frame-ancestors"));
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
