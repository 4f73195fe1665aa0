package dev.agenttraces.it.security;

import dev.agenttraces.it.security.HostileInputIT.Case;
import dev.agenttraces.it.support.HostTokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hostile requests of {@link HostileInputIT} to the plugin's two servlets outside the API, each inside a
 * plugin session of the suite's board-A reviewer (opened with a signed task-panel URL, as the host's iframe
 * does) unless the case is about having none: {@code POST /traces/session/renew} (JSON with a signed frame URL
 * of the same user) and {@code GET /traces/views/step-output} (a step's whole output, for a trace the viewer
 * sees). They answer a plain status, no problem+json; the exact status is the assertion.
 */
record HostileServlets(HostileCases f) {

    private static final String RENEW = "/traces/session/renew";
    private static final String OUTPUT = "/traces/views/step-output";

    void all(Map<String, Case> c) {
        String panel = "/traces/task-panel.xhtml?task=" + f.taskA;
        renew(c, "no session", false, "application/json", "{\"url\":\"" + panel + "\"}", 401);
        renew(c, "text/plain", true, "text/plain", "{\"url\":\"" + panel + "\"}", 415);
        renew(c, "form-encoded, as a cross-site form posts", true, "application/x-www-form-urlencoded", "url=" + panel, 415);
        renew(c, "body not JSON", true, "application/json", "{\"url\":", 400);
        renew(c, "url a number", true, "application/json", "{\"url\":5}", 400);
        renew(c, "url outside the plugin", true, "application/json", "{\"url\":\"/admin/boards.xhtml?at=x\"}", 400);
        renew(c, "url of another origin", true, "application/json", "{\"url\":\"http://evil.example/traces/x?at=y\"}", 401);
        renew(c, "url without a token", true, "application/json", "{\"url\":\"" + panel + "\"}", 401);
        renew(c, "url with a forged token", true, "application/json", "{\"url\":\"" + panel + "&at=forged.token.value\"}", 401);
        renew(c, "20 KiB of JSON, past the 16 KiB it reads", true, "application/json", "{\"url\":\"" + "u".repeat(20 << 10) + "\"}", 400);
        c.put("renew: another user's signed URL", new Case(() -> session(true, "POST", RENEW, "application/json",
                "{\"url\":\"" + HostTokens.signedUrl("", f.admin, Set.of("ADMIN"), panel) + "\"}"), 409, null));
        output(c, "no session", false, "?trace=" + f.bigTrace + "&seq=1", 401);
        output(c, "trace not a UUID", true, "?trace=nope&seq=1", 404);
        output(c, "unknown trace", true, "?trace=" + UUID.randomUUID() + "&seq=1", 404);
        output(c, "another board's trace", true, "?trace=" + f.foreign + "&seq=1", 404);
        output(c, "seq not a number", true, "?trace=" + f.bigTrace + "&seq=one", 404);
        output(c, "seq beyond int", true, "?trace=" + f.bigTrace + "&seq=4294967296", 404);
        output(c, "seq missing", true, "?trace=" + f.bigTrace, 404);
        output(c, "seq of no step", true, "?trace=" + f.bigTrace + "&seq=999", 404);
    }

    private void renew(Map<String, Case> c, String name, boolean withSession, String type, String body, int status) {
        c.put("renew: " + name, new Case(() -> session(withSession, "POST", RENEW, type, body), status, null));
    }

    private void output(Map<String, Case> c, String name, boolean withSession, String query, int status) {
        c.put("step-output: " + name, new Case(() -> session(withSession, "GET", OUTPUT + query, null, null), status, null));
    }

    /** The request, sent in a fresh plugin session of the board-A reviewer (or with no session). */
    private HttpResponse<String> session(boolean withSession, String method, String path, String type, String body) {
        try {
            FacesForm form = new FacesForm();
            if (withSession) {
                HttpResponse<String> page = form.open(HostTokens.signedUrl(f.base, f.member, Set.of("REVIEWER"),
                        "/traces/task-panel.xhtml?task=" + f.taskA));
                if (page.statusCode() != 200) {
                    throw new AssertionError("no plugin session: " + page.statusCode());
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(f.base + path)).timeout(Duration.ofSeconds(60));
            if (body != null) {
                request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return form.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
