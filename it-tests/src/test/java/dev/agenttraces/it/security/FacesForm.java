package dev.agenttraces.it.security;

import dev.agenttraces.it.support.TestHttp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Faces form driven over plain HTTP, as a crafted client would: GET the page (keeping cookies), read its
 * view state, POST whatever fields it likes, ignoring every client-side limit the page declares. Each answer's
 * view state replaces the last one, so a test can post one form after another in the same view.
 */
final class FacesForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    final HttpClient client = TestHttp.browser();
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
        String body = fields(form, fields).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return post("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Submits {@code form} as multipart/form-data, with these fields and one file under {@code fileField}. */
    HttpResponse<String> upload(String form, Map<String, String> fields, String fileField, String fileName, byte[] file)
            throws Exception {
        String boundary = "----hostile" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields(form, fields).entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private Map<String, String> fields(String form, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(form, form);
        if (viewState != null) {
            all.put("jakarta.faces.ViewState", viewState);
        }
        all.putAll(fields);
        return all;
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = VIEW_STATE.matcher(answer.body());
        if (m.find()) {
            viewState = m.group(1);
        }
        return answer;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
