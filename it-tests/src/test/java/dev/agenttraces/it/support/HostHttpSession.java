package dev.agenttraces.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client (cookies kept, redirects not followed) that signs in through the host's
 * real Faces login form, for tests that look at status codes, headers and cookies rather than pages.
 */
public final class HostHttpSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public HostHttpSession(String base) {
        this.base = base;
        this.http = TestHttp.builder().cookieHandler(TestHttp.cookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Posts the login form; returns the answer (302 on success, 200 with a message on refusal). */
    public HttpResponse<String> login(String username, String password) {
        String viewState = viewState(get("/login.xhtml"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState);
        return post("/login.xhtml", form);
    }

    /** The Faces view state a page rendered, which a browser posts back with the page's forms. */
    public static String viewState(HttpResponse<String> page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("No view state on " + page.uri() + " (" + page.statusCode() + "): " + page.body());
        }
        return m.group(1);
    }

    /** The logout form's CSRF token as a signed-in page renders it. */
    public String csrfToken() {
        Matcher m = CSRF.matcher(get("/").body());
        if (!m.find()) {
            throw new IllegalStateException("No logout form on the boards page");
        }
        return m.group(1);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
