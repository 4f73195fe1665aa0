package dev.agenttraces.traces.trace.interfaces.rest;

import dev.agenttraces.traces.api.Problem;
import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.StepRecord;
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

/**
 * The export of one trace with a page of its steps. It shares its path with the ingest API (where
 * agents POST), because a trace's address is the same whether it is written or read.
 */
@Path("v1/traces")
@RequestScoped
@Tag(name = "read")
@SecurityRequirement(name = "hostToken")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TraceExportResource {

    @Inject
    TraceQueries queries;

    @Inject
    jakarta.enterprise.inject.Instance<dev.agenttraces.traces.trace.application.ExportSection> sections;

    @GET
    @Path("{id}")
    @Operation(summary = "Export a trace with a page of its steps",
            description = "The trace with its totals and steps ordered by seq, paged by offset and limit (at most "
                    + TraceQueries.MAX_PAGE + "). Each step's content, toolInput and toolOutput are cut to "
                    + StepRecord.TEXT_LIMIT + " characters; a step whose text was cut lists it in \"truncated\"."
                    + " Other parts (\"annotations\": reviewers' notes on steps) follow the steps."
                    + " Needs a host token; board membership applies.")
    @APIResponse(responseCode = "200", description = "The trace, with steps: {offset, limit, total, items}")
    @APIResponse(responseCode = "404", description = "No such trace, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String export(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("200") int limit) {
        TraceQueries.TraceExport export = queries.export(TraceJson.traceId(id), offset, limit);
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder(TraceReadJson.export(export));
        sections.forEach(s -> json.add(s.name(), s.of(export.trace())));
        return json.build().toString();
    }
}
