package dev.agenttraces.it.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Faces form driven over plain HTTP, as a crafted client would: GET the page (keeping cookies), read its
 * view state, POST whatever fields it likes, ignoring every client-side limit the page declares.
 */
final class FacesForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String viewState;
    private String action;

    /** Loads the page; answers its response. */
    HttpResponse<String> open(String url) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = VIEW_STATE.matcher(page.body());
        viewState = m.find() ? m.group(1) : null;
        URI uri = URI.create(url);
        action = uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
        return page;
    }

    /** Submits {@code form} with these fields (the view state is added unless {@code viewState} overrides it). */
    HttpResponse<String> submit(String form, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(form, form);
        if (viewState != null) {
            all.put("jakarta.faces.ViewState", viewState);
        }
        all.putAll(fields);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
