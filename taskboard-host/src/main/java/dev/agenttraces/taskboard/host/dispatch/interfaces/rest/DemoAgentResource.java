package dev.agenttraces.taskboard.host.dispatch.interfaces.rest;

import dev.agenttraces.taskboard.host.dispatch.application.AgentWork;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a simulated agent needs from the host, as JSON: the agents, boards and tasks; claim the next task
 * (the budget guard decides, as for the built-in dispatcher); deliver output; file a new task.
 * Demo-only, see {@link DemoAgentAccess}. Answers: 200 with the task, 204 when there is no work, 409 with
 * {@code {"outcome", "reason"}} when the agent is paused or its spend is unknown or the task moved meanwhile.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemoAgentResource {

    @Inject
    AgentWork work;

    @GET
    @Path("agents")
    public String agents() {
        return array(work.agents(), DemoAgentResource::agent);
    }

    @GET
    @Path("boards")
    public String boards() {
        return array(work.boards(), (Board b) -> Json.createObjectBuilder().add("id", b.getId()).add("name", b.getName()));
    }

    @GET
    @Path("tasks")
    public String tasks() {
        return array(work.tasks(), DemoAgentResource::task);
    }

    @POST
    @Path("agents/{id}/claim")
    public Response claim(@PathParam("id") long agentId) {
        return answer(() -> {
            AgentWork.Claim claim = work.claim(agentId, Instant.now());
            return switch (claim.outcome()) {
                case CLAIMED -> Response.ok(task(claim.task()).build().toString()).build();
                case NO_WORK -> Response.noContent().build();
                default -> refusal(claim.outcome().name(), claim.reason());
            };
        });
    }

    @POST
    @Path("tasks/{id}/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deliver(@PathParam("id") long taskId, JsonObject body) {
        return answer(() -> Response.ok(task(work.deliver(taskId, body.getString("output", ""), Instant.now()))
                .build().toString()).build());
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        return answer(() -> Response.status(Response.Status.CREATED).entity(task(work.create(
                body.getJsonNumber("boardId").longValue(), body.getString("title", null),
                body.getString("description", null), body.getBoolean("requiresApproval", false))).build().toString()).build());
    }

    /** Maps the service's refusals to statuses, so the simulator can tell "try later" from "wrong call". */
    private static Response answer(Supplier<Response> call) {
        try {
            return call.get();
        } catch (NoSuchElementException e) {
            return refusal("NOT_FOUND", e.getMessage(), Response.Status.NOT_FOUND);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            return refusal("INVALID", String.valueOf(e.getMessage()), Response.Status.BAD_REQUEST);
        } catch (IllegalStateException | OptimisticLockException e) {
            return refusal("CONFLICT", e.getMessage());
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            Throwable cause = e.getCause() instanceof RollbackException r ? r : e;
            return refusal("CONFLICT", "Changed concurrently; try again (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private static Response refusal(String outcome, String reason) {
        return refusal(outcome, reason, Response.Status.CONFLICT);
    }

    private static Response refusal(String outcome, String reason, Response.Status status) {
        return Response.status(status).entity(Json.createObjectBuilder().add("outcome", outcome)
                .add("reason", reason == null ? "" : reason).build().toString()).type(MediaType.APPLICATION_JSON).build();
    }

    private static <T> String array(List<T> items, Function<T, JsonObjectBuilder> json) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(item -> array.add(json.apply(item)));
        return array.build().toString();
    }

    private static JsonObjectBuilder agent(Agent a) {
        return Json.createObjectBuilder().add("id", a.getId()).add("name", a.getName()).add("model", a.getModel())
                .add("provider", a.getProvider()).add("status", a.getStatus().name());
    }

    private static JsonObjectBuilder task(Task t) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", t.getId()).add("boardId", t.getBoard().getId())
                .add("title", t.getTitle()).add("status", t.getStatus().name())
                .add("requiresApproval", t.isRequiresApproval());
        if (t.getDescription() != null) {
            json.add("description", t.getDescription());
        }
        if (t.getFeedback() != null) {
            json.add("feedback", t.getFeedback());
        }
        if (t.getAssignee() != null) {
            json.add("agentId", t.getAssignee().getId());
        }
        if (t.getCompletedAt() != null) {
            json.add("completedAt", t.getCompletedAt().toString());
        }
        return json;
    }
}
