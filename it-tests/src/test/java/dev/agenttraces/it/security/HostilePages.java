package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.security.HostileInputIT.Case;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hostile requests of {@link HostileInputIT} that go through pages: the ingest-token page's create and
 * revoke actions, posted as a crafted client would (ignoring the form's limits, forging its view state, naming
 * rows that do not exist), and the host's {@code /plugins/frame-url}. Each case names the exact status and what
 * the answer must name: the message a form shows, or the {@code field} of frame-url's problem+json. Nothing is
 * created or revoked (the database check). Prices and the price import: {@link HostileAdminForms}.
 */
record HostilePages(HostileCases f) {

    static final String TOKENS = "/traces/admin/ingest-tokens.xhtml";
    private static final String FRAME = "/plugins/frame-url?point=task-detail/panel/v1&key=task-trace-panel";

    Map<String, Case> all() {
        Map<String, Case> c = new LinkedHashMap<>();
        creates(c);
        revokes(c);
        frameUrls(c);
        c.put("task panel: a step sent without durationMs", new Case(this::panelOfAStepWithoutDuration, 200, "at-col-duration\">–<"));
        new HostileAdminForms(f).all(c);
        return c;
    }

    private void creates(Map<String, Case> c) {
        create(c, "name with NUL", Map.of("tokens:name", HostileCases.MARKER + "a\u0000b"), 200, "contains a NUL character");
        create(c, "name of 10,000 characters", Map.of("tokens:name", HostileCases.MARKER + "n".repeat(10_000)), 200,
                "at most 200 characters");
        c.put("admin create: no agents, no boards", admin(Map.of("tokens:name", HostileCases.MARKER + "unbound",
                "tokens:create", "tokens:create"), 200, "Bind the token to at least one agent"));
        create(c, "forged view state", Map.of("jakarta.faces.ViewState", "forged:1", "tokens:name", HostileCases.MARKER + "forged"),
                400, "This page has expired");
        c.put("admin create: agents that are not ids", admin(Map.of("tokens:name", HostileCases.MARKER + "ids",
                "tokens:agents", "'; drop table agent; --", "tokens:allBoards_input", "on", "tokens:create", "tokens:create"),
                200, "Bind the token to at least one agent")); // values that are no item are dropped
    }

    /** A create with every agent and board ticked, so only the hostile field is wrong. */
    private void create(Map<String, Case> c, String name, Map<String, String> hostile, int status, String shows) {
        Map<String, String> fields = new HashMap<>(Map.of("tokens:all_input", "on", "tokens:allBoards_input", "on",
                "tokens:create", "tokens:create"));
        fields.putAll(hostile);
        c.put("admin create: " + name, admin(fields, status, shows));
    }

    /** Revoke buttons are per row ({@code tokens:list:<row>:revoke}); none of these names a row of the list. */
    private void revokes(Map<String, Case> c) {
        c.put("admin revoke: a row beyond the list", admin(Map.of("tokens:list:999999:revoke", ""), 200, null));
        c.put("admin revoke: a row that is not a number", admin(Map.of("tokens:list:abc:revoke", ""), 200, null));
        c.put("admin revoke: a negative row", admin(Map.of("tokens:list:-1:revoke", ""), 200, null));
        c.put("admin revoke: forged view state", admin(Map.of("jakarta.faces.ViewState", "forged:2",
                "tokens:list:0:revoke", ""), 400, "This page has expired"));
        c.put("admin revoke: by a reviewer", new Case(() -> page(f.member, Set.of("REVIEWER"),
                Map.of("tokens:list:0:revoke", "")), 200, "Only administrators can manage ingest tokens"));
    }

    private void frameUrls(Map<String, Case> c) {
        c.put("frame-url: not signed in", new Case(() -> hostGet(new FacesForm(), FRAME + "&task=" + f.taskA), 302, null));
        frame(c, "no parameters", "/plugins/frame-url", 404, "point");
        frame(c, "unknown extension", "/plugins/frame-url?point=task-detail/panel/v1&key=nope", 404, "key");
        frame(c, "task not a number", FRAME + "&task=abc", 400, "task");
        frame(c, "task that does not exist", FRAME + "&task=999999999", 404, "task");
        frame(c, "another board's task", FRAME + "&task=" + f.taskB, 404, "task");
        frame(c, "task beyond long", FRAME + "&task=99999999999999999999999", 400, "task");
        frame(c, "board not a number", FRAME + "&board=1;drop", 400, "board");
        frame(c, "board of which the user is no member", FRAME + "&board=" + f.boardB, 403, "board");
        frame(c, "board not the task's", FRAME + "&task=" + f.taskA + "&board=" + f.boardB, 400, "board");
        frame(c, "agent that does not exist", FRAME + "&agent=999999999", 404, "agent");
        frame(c, "agent negative", FRAME + "&agent=-5", 400, "agent");
    }

    /**
     * durationMs is optional in the API; a step without it once failed the whole panel with a 500 (EL cannot choose
     * between two overloads of Formats.duration for null). Its own agent and task, so the suite's counts stay as they are.
     */
    private HttpResponse<String> panelOfAStepWithoutDuration() {
        long agent = Fixtures.agent(Fixtures.unique("Hostile timeless agent"), "gpt-4o", "openai");
        long task = Fixtures.reviewedTask(f.boardA, agent, "Hostile task without durations", "done");
        String token = IngestClient.token(false, agent);
        UUID trace = IngestClient.start(token, task, agent);
        IngestClient.append(token, trace, "{\"steps\":[{\"seq\":1,\"type\":\"reasoning\",\"content\":\"no time\","
                + "\"startedAt\":\"2026-01-01T00:00:00Z\"}]}");
        try {
            return new FacesForm().open(HostTokens.signedUrl(f.base, f.member, Set.of("REVIEWER"), "/traces/task-panel.xhtml?task=" + task));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void frame(Map<String, Case> c, String name, String path, int status, String field) {
        c.put("frame-url: " + name, new Case(() -> signedIn(path), status, field));
    }

    private Case admin(Map<String, String> fields, int status, String shows) {
        return new Case(() -> page(f.admin, Set.of("ADMIN"), fields), status, shows);
    }

    private HttpResponse<String> page(String user, Set<String> roles, Map<String, String> fields) {
        try {
            FacesForm form = new FacesForm();
            form.open(HostTokens.signedUrl(f.base, user, roles, TOKENS));
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
