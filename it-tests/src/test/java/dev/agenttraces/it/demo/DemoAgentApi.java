package dev.agenttraces.it.demo;

import dev.agenttraces.demo.agents.http.JsonHttp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running demo's board as its simulated agents read it: the host's demo agent API with bin/demo's own
 * agent token. The browser test asks it which tasks are in which column, so it opens the right pages at once.
 */
final class DemoAgentApi {

    /** bin/demo's own agent token. */
    static final String TOKEN = "demo-agent-token";

    private final String base;

    DemoAgentApi(String base) {
        this.base = base;
    }

    /** The tasks in {@code status} (TODO, IN_PROGRESS, REVIEW, DONE), oldest first. */
    List<JsonObject> tasks(String status) {
        HttpResponse<String> answer = new JsonHttp(TOKEN).get(base + "/api/demo/tasks");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonHttp.parse(answer.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("status").equals(status)).toList();
    }

    /** The id of the demo agent called {@code name} (Coder, Analyst, Scout). */
    long agentId(String name) {
        HttpResponse<String> answer = new JsonHttp(TOKEN).get(base + "/api/demo/agents");
        return JsonHttp.parse(answer.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    static long id(JsonObject task) {
        return task.getJsonNumber("id").longValue();
    }
}
