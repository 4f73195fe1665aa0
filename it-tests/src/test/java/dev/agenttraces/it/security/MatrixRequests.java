package dev.agenttraces.it.security;

import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestHttp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * The requests of {@link AccessMatrixIT}, one per resource, made as the cell's user: a page through a
 * frame URL signed for the user, an API read with a Bearer host token, a page action (the agent tab's CSV
 * export) and a session renewal through the session such a frame URL starts. Nobody ({@code who == null})
 * sends no token and has no session.
 */
final class MatrixRequests {

    private final String base;

    MatrixRequests(String base) {
        this.base = base;
    }

    HttpResponse<String> send(String what, AccessMatrixIT.Board b, String[] who) throws Exception {
        String day = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        String period = "from=" + Instant.parse(day).minusSeconds(86_400) + "&to=" + Instant.parse(day).plusSeconds(2 * 86_400);
        return switch (what) {
            case "task panel" -> page(who, "/traces/task-panel.xhtml?task=" + b.task());
            case "step output" -> page(who, "/traces/views/step-output?trace=" + b.trace() + "&seq=1");
            case "agent tab" -> page(who, "/traces/agent-tab.xhtml?agent=" + b.agent());
            case "agent tab csv" -> csv(who, "/traces/agent-tab.xhtml?agent=" + b.agent());
            case "cost widget" -> page(who, "/traces/cost-widget.xhtml");
            case "compare" -> page(who, "/traces/compare.xhtml?a=" + b.trace() + "&b=" + b.trace());
            case "admin tokens" -> page(who, "/traces/admin/ingest-tokens.xhtml");
            case "admin prices" -> page(who, "/traces/admin/prices.xhtml");
            case "admin price import" -> page(who, "/traces/admin/price-import.xhtml");
            case "session renew" -> renew(who);
            case "api trace export" -> api(who, "/traces/api/v1/traces/" + b.trace());
            case "api trace annotations" -> api(who, "/traces/api/v1/traces/" + b.trace() + "/annotations");
            case "api task traces" -> api(who, "/traces/api/v1/tasks/" + b.task() + "/traces");
            case "api task annotations" -> api(who, "/traces/api/v1/tasks/" + b.task() + "/annotations");
            case "api agent traces" -> api(who, "/traces/api/v1/agents/" + b.agent() + "/traces");
            case "api agent spend" -> api(who, "/traces/api/v1/agents/" + b.agent() + "/spend?" + period);
            case "api all agents spend" -> api(who, "/traces/api/v1/agents/spend");
            case "api top tasks" -> api(who, "/traces/api/v1/top-tasks?" + period + "&limit=100");
            default -> throw new IllegalArgumentException(what);
        };
    }

    private HttpResponse<String> page(String[] who, String path) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(signed(who, path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String[] who, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (who != null) {
            request.header("Authorization", "Bearer " + HostTokens.mint(who[0], Set.of(who[1]), path));
        }
        return TestHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The agent tab's CSV button, pressed in the view the signed frame URL opened (nobody: no view, no session). */
    private HttpResponse<String> csv(String[] who, String path) throws Exception {
        FacesForm tab = new FacesForm();
        tab.open(signed(who, path));
        return tab.submit("f", Map.of("f:export", "f:export"));
    }

    /** A fresh frame URL of the user's own, posted to the session a frame URL started (nobody: no session). */
    private HttpResponse<String> renew(String[] who) throws Exception {
        String path = "/traces/cost-widget.xhtml";
        FacesForm frame = new FacesForm();
        frame.open(signed(who, path));
        String url = who == null ? path : HostTokens.signedUrl("", who[0], Set.of(who[1]), path);
        return frame.client.send(HttpRequest.newBuilder(URI.create(base + "/traces/session/renew"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signed(String[] who, String path) {
        return who == null ? base + path : HostTokens.signedUrl(base, who[0], Set.of(who[1]), path);
    }
}
