package dev.agenttraces.it.security;

import dev.agenttraces.it.support.HostTokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The hostile requests of {@link HostileInputIT} that go through pages: the admin page's actions, posted
 * as a crafted client would (ignoring the form's limits, forging its view state), and the host's
 * {@code /plugins/frame-url}. They must never answer 5xx, and create nothing.
 */
final class HostilePages {

    private final HostileCases f;

    HostilePages(HostileCases fixtures) {
        this.f = fixtures;
    }

    Map<String, Supplier<HttpResponse<String>>> all() {
        Map<String, Supplier<HttpResponse<String>>> c = new LinkedHashMap<>();
        String page = "/traces/admin/ingest-tokens.xhtml";
        c.put("admin create: name with NUL", () -> admin(page, Map.of("tokens:name", HostileCases.MARKER + "a\u0000b", "tokens:all_input", "on",
                "tokens:allBoards_input", "on", "tokens:create", "tokens:create")));
        c.put("admin create: name of 10,000 characters", () -> admin(page, Map.of("tokens:name", HostileCases.MARKER + "n".repeat(10_000),
                "tokens:all_input", "on", "tokens:allBoards_input", "on", "tokens:create", "tokens:create")));
        c.put("admin create: no agents, no boards", () -> admin(page, Map.of("tokens:name", HostileCases.MARKER + "unbound",
                "tokens:create", "tokens:create")));
        c.put("admin create: forged view state", () -> admin(page, Map.of("jakarta.faces.ViewState", "forged:1",
                "tokens:name", HostileCases.MARKER + "forged", "tokens:all_input", "on", "tokens:allBoards_input", "on", "tokens:create", "tokens:create")));
        c.put("admin create: agents that are not ids", () -> admin(page, Map.of("tokens:name", HostileCases.MARKER + "ids",
                "tokens:agents", "'; drop table agent; --", "tokens:allBoards_input", "on", "tokens:create", "tokens:create")));
        String frame = "/plugins/frame-url?point=task-detail/panel/v1&key=task-trace-panel";
        c.put("frame-url: not signed in", () -> hostGet(new FacesForm(), frame + "&task=" + f.taskA));
        c.put("frame-url: no parameters", () -> signedIn("/plugins/frame-url"));
        c.put("frame-url: unknown extension", () -> signedIn("/plugins/frame-url?point=task-detail/panel/v1&key=nope"));
        c.put("frame-url: task not a number", () -> signedIn(frame + "&task=abc"));
        c.put("frame-url: task that does not exist", () -> signedIn(frame + "&task=999999999"));
        c.put("frame-url: another board's task", () -> signedIn(frame + "&task=" + f.taskB));
        c.put("frame-url: task beyond long", () -> signedIn(frame + "&task=99999999999999999999999"));
        return c;
    }

    private HttpResponse<String> admin(String page, Map<String, String> fields) {
        try {
            FacesForm form = new FacesForm();
            form.open(HostTokens.signedUrl(f.base, f.admin, Set.of("ADMIN"), page));
            return form.submit("tokens", fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> signedIn(String path) {
        try {
            FacesForm form = new FacesForm();
            form.open(f.base + "/login.xhtml");
            form.submit("login", Map.of("login:username", f.member, "login:password", "member-pass", "login:submit", ""));
            return hostGet(form, path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> hostGet(FacesForm form, String path) {
        try {
            return form.client.send(HttpRequest.newBuilder(URI.create(f.base + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
