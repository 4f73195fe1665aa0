package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.ingest.application.Rejection;
import dev.agenttraces.traces.ingest.application.TraceQueries;
import dev.agenttraces.traces.ingest.infrastructure.TraceReader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Read API over tasks and agents (the trace export itself lives beside ingest under /v1/traces).
 * Every answer is filtered by the reader's board membership; admins see everything.
 */
@Path("v1")
@RequestScoped
@Tag(name = "read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TraceReadResource {

    @Inject
    TraceQueries queries;

    @GET
    @Path("tasks/{id}/traces")
    @Operation(summary = "A task's traces", description = "Every run of the task, newest first, with totals.")
    @APIResponse(responseCode = "200", description = "{items: [trace]}")
    @APIResponse(responseCode = "404", description = "No such task, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String taskTraces(@PathParam("id") long taskId) {
        return ReadJson.traces(queries.taskTraces(taskId)).toString();
    }

    @GET
    @Path("agents/{id}/traces")
    @Operation(summary = "An agent's traces, paged and sortable",
            description = "sort: startedAt (default), costUsd, durationMs, stepCount, status; order: asc or desc (default).")
    @APIResponse(responseCode = "200", description = "{offset, limit, total, items: [trace]}")
    @APIResponse(responseCode = "400", description = "Bad paging or sort", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String agentTraces(@PathParam("id") long agentId,
                              @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue("50") int limit,
                              @QueryParam("sort") @DefaultValue("startedAt") String sort,
                              @QueryParam("order") @DefaultValue("desc") String order) {
        boolean ascending = switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw Rejection.invalid("order", "order must be asc or desc.");
        };
        return ReadJson.page(queries.agentTraces(agentId, sortKey(sort), ascending, offset, limit)).toString();
    }

    @GET
    @Path("agents/{id}/spend")
    @Operation(summary = "An agent's spend in a period",
            description = "Sum of the cost of the agent's traces started in [from, to), from trace totals."
                    + " unpricedSteps > 0 means the sum is a lower bound. The host's budget check calls this.")
    @APIResponse(responseCode = "200", description = "{agentId, from, to, costUsd (decimal string), unpricedSteps, traces}")
    @APIResponse(responseCode = "400", description = "Missing or bad from/to", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String spend(@PathParam("id") long agentId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return ReadJson.spend(queries.spend(agentId, instant("from", from), instant("to", to))).toString();
    }

    @GET
    @Path("top-tasks")
    @Operation(summary = "Top tasks by cost in a period", description = "Tasks ranked by the cost of their traces started in [from, to).")
    @APIResponse(responseCode = "200", description = "{items: [{taskId, title, boardId, costUsd, traces, steps, unpricedSteps}]}")
    @APIResponse(responseCode = "400", description = "Missing or bad from/to/limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String topTasks(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("limit") @DefaultValue("10") int limit) {
        return ReadJson.topTasks(queries.topTasks(instant("from", from), instant("to", to), limit)).toString();
    }

    private static TraceReader.SortKey sortKey(String sort) {
        return switch (sort) {
            case "startedAt" -> TraceReader.SortKey.STARTED_AT;
            case "costUsd" -> TraceReader.SortKey.COST_USD;
            case "durationMs" -> TraceReader.SortKey.DURATION_MS;
            case "stepCount" -> TraceReader.SortKey.STEP_COUNT;
            case "status" -> TraceReader.SortKey.STATUS;
            default -> throw Rejection.invalid("sort", "sort must be one of startedAt, costUsd, durationMs, stepCount, status.");
        };
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z.");
        }
    }
}
