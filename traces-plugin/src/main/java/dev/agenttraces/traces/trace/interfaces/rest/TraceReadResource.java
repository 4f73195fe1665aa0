package dev.agenttraces.traces.trace.interfaces.rest;

import dev.agenttraces.traces.trace.domain.Trace;

import dev.agenttraces.traces.api.Problem;
import dev.agenttraces.traces.api.ApiInstant;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.TraceFilter;
import dev.agenttraces.traces.trace.domain.TraceSort;
import dev.agenttraces.traces.trace.domain.TraceStatus;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.Set;

/**
 * Trace lists of tasks and agents. Every answer is filtered by the reader's board membership;
 * admins see everything.
 */
@Path("v1")
@RequestScoped
@Tag(name = "read")
@SecurityRequirement(name = "hostToken")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TraceReadResource {

    /** The orders the API offers (the agent tab sorts by more columns). */
    private static final Set<TraceSort> API_SORTS = Set.of(TraceSort.STARTED_AT, TraceSort.COST_USD,
            TraceSort.DURATION_MS, TraceSort.STEP_COUNT, TraceSort.STATUS, TraceSort.WASTE);

    @Inject
    TraceQueries queries;

    @GET
    @Path("tasks/{id}/traces")
    @Operation(summary = "A task's traces", description = "Every run of the task, newest first, with totals.")
    @APIResponse(responseCode = "200", description = "{items: [trace]}")
    @APIResponse(responseCode = "404", description = "No such task, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String taskTraces(@PathParam("id") long taskId) {
        return TraceReadJson.traces(queries.taskTraces(taskId)).toString();
    }

    @GET
    @Path("agents/{id}/traces")
    @Operation(summary = "An agent's traces, paged and sortable",
            description = "sort: startedAt (default), costUsd, durationMs, stepCount, status; order: asc or desc (default);"
                    + " status: only traces of this status (running, completed, failed, cancelled); from: only traces"
                    + " started at or after this ISO-8601 instant (the agent tab's period); cursor: the nextCursor of the"
                    + " previous page (same sort and order), which reads the next page from the index whatever its depth;"
                    + " offset is still accepted, without a cursor.")
    @APIResponse(responseCode = "200", description = "{offset (offset pages only), limit, total, nextCursor (absent on the last page), items: [trace]}")
    @APIResponse(responseCode = "400", description = "Bad paging or sort", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String agentTraces(@PathParam("id") long agentId,
                              @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue("50") int limit,
                              @QueryParam("sort") @DefaultValue("startedAt") String sort,
                              @QueryParam("order") @DefaultValue("desc") String order,
                              @QueryParam("status") String status, @QueryParam("from") String from,
                              @QueryParam("cursor") String cursor) {
        boolean ascending = switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw Rejection.invalid("order", "order must be asc or desc.");
        };
        TraceSort key = TraceSort.fromWire(sort).filter(API_SORTS::contains).orElseThrow(() -> Rejection.invalid("sort",
                "sort must be one of startedAt, costUsd, durationMs, stepCount, status, waste."));
        TraceFilter filter = new TraceFilter(status(status), ApiInstant.ofQuery("from", from), null, null, null, false);
        if (cursor == null || cursor.isEmpty()) {
            return TraceReadJson.page(queries.agentTraces(agentId, filter, key, ascending, offset, limit),
                    next -> TraceCursor.encode(key, ascending, next)).toString();
        }
        if (offset != 0) {
            throw Rejection.invalid("cursor", "send either cursor or offset, not both.");
        }
        return TraceReadJson.page(queries.agentTracesAfter(agentId, filter, key, ascending,
                TraceCursor.decode(cursor, key, ascending), limit), next -> TraceCursor.encode(key, ascending, next)).toString();
    }

    private static TraceStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TraceStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("status", "status must be one of running, completed, failed, cancelled.");
        }
    }
}
