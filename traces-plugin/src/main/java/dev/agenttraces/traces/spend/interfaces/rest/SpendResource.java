package dev.agenttraces.traces.spend.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.api.Problem;
import dev.agenttraces.traces.api.ApiInstant;
import dev.agenttraces.traces.spend.application.SpendReport;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.spend.domain.TaskCost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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

import java.time.Instant;
import java.util.Objects;

import static dev.agenttraces.traces.trace.interfaces.rest.TraceJson.money;

/** Spend of an agent and the top tasks by cost, over a period; board membership applies. */
@Path("v1")
@RequestScoped
@Tag(name = "read")
@SecurityRequirement(name = "hostToken")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SpendResource {

    @Inject
    SpendReport report;

    @GET
    @Path("agents/{id}/spend")
    @Operation(summary = "An agent's spend in a period",
            description = "Sum of the cost of the agent's traces started in [from, to), from trace totals."
                    + " unpricedSteps > 0 means the sum is a lower bound. The host's budget check calls this.")
    @APIResponse(responseCode = "200", description = "{agentId, from, to, costUsd (decimal string), unpricedSteps, traces}")
    @APIResponse(responseCode = "400", description = "Missing or bad from/to", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String spend(@PathParam("id") long agentId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return spendJson(report.agentSpend(agentId, ApiInstant.ofQuery("from", from), ApiInstant.ofQuery("to", to))).build().toString();
    }

    @GET
    @Path("agents/spend")
    @Operation(summary = "Every agent's spend in its current budget period",
            description = "One read for the host's agents list and cost dashboard (contract: HostContract.ALL_AGENTS_SPEND):"
                    + " each agent's spend received in the budget period containing `asOf` (default now; not `at`, which names a frame token), from its own"
                    + " reset day, summed from the daily budget rollup. Same numbers as agents/{id}/spend for each period.")
    @APIResponse(responseCode = "200", description = "{asOf, items: [{agentId, from, to, costUsd, unpricedSteps, traces}]}")
    @APIResponse(responseCode = "400", description = "Bad asOf", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String allAgentsSpend(@QueryParam("asOf") String asOf) {
        Instant when = Objects.requireNonNullElseGet(ApiInstant.ofQuery("asOf", asOf), Instant::now);
        JsonArrayBuilder items = Jsonp.BUILDERS.createArrayBuilder();
        for (Spend s : report.budgetSpendOfAll(when)) {
            items.add(spendJson(s));
        }
        return Jsonp.BUILDERS.createObjectBuilder().add("asOf", when.toString()).add("items", items).build().toString();
    }

    private static jakarta.json.JsonObjectBuilder spendJson(Spend s) {
        return Jsonp.BUILDERS.createObjectBuilder()
                .add("agentId", s.agentId())
                .add("from", s.from().toString())
                .add("to", s.to().toString())
                .add("costUsd", money(s.costUsd()))
                .add("unpricedSteps", s.unpricedSteps())
                .add("traces", s.traces());
    }

    @GET
    @Path("top-tasks")
    @Operation(summary = "Top tasks by cost in a period", description = "Tasks ranked by the cost of their traces started in [from, to).")
    @APIResponse(responseCode = "200", description = "{items: [{taskId, title, boardId, costUsd, traces, steps, unpricedSteps}]}")
    @APIResponse(responseCode = "400", description = "Missing or bad from/to/limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String topTasks(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("limit") @DefaultValue("10") int limit) {
        JsonArrayBuilder items = Jsonp.BUILDERS.createArrayBuilder();
        for (TaskCost t : report.topTasks(ApiInstant.ofQuery("from", from), ApiInstant.ofQuery("to", to), limit)) {
            items.add(Jsonp.BUILDERS.createObjectBuilder()
                    .add("taskId", t.taskId())
                    .add("title", t.title())
                    .add("boardId", t.boardId())
                    .add("costUsd", money(t.costUsd()))
                    .add("traces", t.traces())
                    .add("steps", t.steps())
                    .add("unpricedSteps", t.unpricedSteps())
                    .add("topTraceId", t.topTrace().toString()));
        }
        return Jsonp.BUILDERS.createObjectBuilder().add("items", items).build().toString();
    }
}
