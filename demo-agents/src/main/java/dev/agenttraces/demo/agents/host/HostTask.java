package dev.agenttraces.demo.agents.host;

import dev.agenttraces.demo.agents.scenario.TaskBrief;
import jakarta.json.JsonObject;

/** A task as the host's demo agent API lists it; {@code agentId} is 0 when nobody is assigned. */
public record HostTask(long id, long boardId, String title, String description, String status, long agentId,
                       String feedback, boolean requiresApproval) {

    static HostTask of(JsonObject json) {
        return new HostTask(json.getJsonNumber("id").longValue(), json.getJsonNumber("boardId").longValue(),
                json.getString("title"), json.getString("description", null), json.getString("status"),
                json.containsKey("agentId") ? json.getJsonNumber("agentId").longValue() : 0,
                json.getString("feedback", null), json.getBoolean("requiresApproval", false));
    }

    public TaskBrief brief() {
        return new TaskBrief(id, title, description, feedback);
    }

    public boolean isDelivered() {
        return status.equals("REVIEW") || status.equals("DONE");
    }
}
