package dev.agenttraces.demo.agents.host;

import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.scenario.AgentProfile;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * The host's demo agent API ({@code /api/demo}, demo-only, Bearer {@code taskboard.demo-agents.token}):
 * what the simulated agents know of the board. Claims go through the host's budget guard, so a paused
 * agent is told so here and simply gets no work.
 */
public final class HostClient {

    private final JsonHttp http;
    private final String api;

    public HostClient(JsonHttp http, String hostUrl) {
        this.http = http;
        this.api = hostUrl + "/api/demo";
    }

    /**
     * What a claim gave: a started task, or nothing, with the host's reason when the agent was refused
     * ({@code outcome} PAUSED, SPEND_UNKNOWN, or CONFLICT when another agent took the task meanwhile).
     */
    public record Claim(Optional<HostTask> task, String outcome, String refusal) {

        public boolean isConflict() {
            return "CONFLICT".equals(outcome);
        }
    }

    /** Whether the API answers (the server is up and the demo flag and token are set). */
    public boolean isReady() {
        try {
            return http.get(api + "/agents").statusCode() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public List<AgentProfile> agents() {
        return array(http.get(api + "/agents")).stream().map(JsonValue::asJsonObject).map(a -> new AgentProfile(
                a.getJsonNumber("id").longValue(), a.getString("name"), a.getString("model"), a.getString("provider"),
                AgentProfile.subAgentModelFor(a.getString("provider")))).toList();
    }

    public List<Long> boardIds() {
        return array(http.get(api + "/boards")).stream().map(b -> b.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    public List<HostTask> tasks() {
        return array(http.get(api + "/tasks")).stream().map(JsonValue::asJsonObject).map(HostTask::of).toList();
    }

    public Claim claim(long agentId) {
        HttpResponse<String> answer = http.post(api + "/agents/" + agentId + "/claim", "{}");
        return switch (answer.statusCode()) {
            case 200 -> new Claim(Optional.of(HostTask.of(JsonHttp.parse(answer.body()).asJsonObject())), "CLAIMED", null);
            case 204 -> new Claim(Optional.empty(), "NO_WORK", null);
            case 409 -> {
                JsonObject refusal = JsonHttp.parse(answer.body()).asJsonObject();
                yield new Claim(Optional.empty(), refusal.getString("outcome", "REFUSED"), refusal.getString("reason", "refused"));
            }
            default -> throw new IllegalStateException("Claim for agent " + agentId + ": HTTP " + answer.statusCode() + " " + answer.body());
        };
    }

    public void deliver(long taskId, String output) {
        expectOk(http.post(api + "/tasks/" + taskId + "/deliver", Json.createObjectBuilder().add("output", output).build().toString()));
    }

    public HostTask create(long boardId, String title, String description, boolean requiresApproval) {
        JsonObject body = Json.createObjectBuilder().add("boardId", boardId).add("title", title)
                .add("description", description).add("requiresApproval", requiresApproval).build();
        HttpResponse<String> answer = http.post(api + "/tasks", body.toString());
        expectOk(answer);
        return HostTask.of(JsonHttp.parse(answer.body()).asJsonObject());
    }

    private static JsonArray array(HttpResponse<String> answer) {
        expectOk(answer);
        return JsonHttp.parse(answer.body()).asJsonArray();
    }

    private static void expectOk(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Host demo API " + answer.uri() + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
    }
}
