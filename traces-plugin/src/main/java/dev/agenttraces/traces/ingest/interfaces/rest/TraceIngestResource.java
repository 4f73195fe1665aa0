package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Bearer;
import dev.agenttraces.traces.api.Problem;

import dev.agenttraces.traces.ingest.application.IngestTokens;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.ingest.application.TraceIngest;
import dev.agenttraces.traces.ingest.domain.StepOutcome;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.agenttraces.traces.trace.interfaces.rest.TraceJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

/**
 * The ingest API agents call: start a trace, append steps in batches, finish it. Authenticated by a
 * Bearer ingest token bound to the agents it may write for.
 */
@Path("v1/traces")
@RequestScoped
@Tag(name = "ingest")
@SecurityScheme(securitySchemeName = "ingestToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An ingest token created by an admin on /traces/admin/ingest-tokens.xhtml")
@SecurityScheme(securitySchemeName = "hostToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A token the host signs for the signed-in user (audience agent-traces)")
@SecurityRequirement(name = "ingestToken")
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TraceIngestResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    TraceIngest ingest;

    @Inject
    IngestTokens tokens;

    @Inject
    RequestBodies bodies;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @HeaderParam(HttpHeaders.CONTENT_LENGTH)
    String contentLength;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Start a trace",
            description = "Body: {\"id\"?: uuid, \"taskId\", \"agentId\", \"model\"?, \"provider\"?, \"startedAt\"?}."
                    + " Model and provider default to the agent's. Repeating a start with the same id, task and"
                    + " agent is a no-op that returns the same trace (200); the same id with another task or agent is 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "201", description = "Trace started")
    @APIResponse(responseCode = "200", description = "Replay of an earlier start: the existing trace")
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Missing or unknown token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Token not bound to this agent", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Id taken by another task or agent", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM))
    public Response start(InputStream body) {
        TokenScope scope = scope();
        TraceIngest.Started started = ingest.start(scope, bodies.start(body, contentLength));
        String json = TraceJson.trace(started.trace()).build().toString();
        if (started.created()) {
            return Response.created(uri.getAbsolutePathBuilder().path(started.trace().id().toString()).build())
                    .type(MediaType.APPLICATION_JSON).entity(json).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("{id}/steps")
    @Operation(summary = "Append a batch of steps",
            description = "Body: {\"inputIncludesCached\"?: bool, \"steps\": [{\"seq\", \"type\" (reasoning|tool_call|"
                    + "tool_result|error|system|llm_call|agent), \"parentSeq\"? (a lower seq of the same trace),"
                    + " \"content\"?, \"toolName\"?, \"toolInput\"? (any JSON), \"toolOutput\"?,"
                    + " \"model\"?, \"inputTokens\"?, \"outputTokens\"?, \"cachedInputTokens\"?, \"cacheCreationInputTokens\"?,"
                    + " \"reasoningTokens\"?, \"inputIncludesCached\"?, \"startedAt\", \"durationMs\"?}]}. Stored input tokens"
                    + " exclude cache reads and cache writes; set inputIncludesCached=true (per batch or per step) when your"
                    + " inputTokens include them."
                    + " Answers 207 with one result per item: created, duplicate (same seq, same content) or error"
                    + " (invalid item, or conflict: same seq, different content). Nothing of an item in error is written;"
                    + " everything acknowledged is committed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "207", description = "One result per item")
    @APIResponse(responseCode = "400", description = "Malformed JSON or envelope", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Missing or unknown token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Token not bound to the trace's agent", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such trace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Trace already finished", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM))
    public Response appendSteps(@PathParam("id") String id, InputStream body) {
        List<StepOutcome> outcomes = ingest.append(scope(), TraceJson.traceId(id), bodies.steps(body, contentLength));
        return Response.status(207).type(MediaType.APPLICATION_JSON)
                .entity(OutcomeJson.outcomes(outcomes)).build();
    }

    @POST
    @Path("{id}/finish")
    @Operation(summary = "Finish a trace",
            description = "Body: {\"status\": completed|failed|cancelled, \"errorMessage\"?, \"completedAt\"?}."
                    + " Repeating the same finish returns the trace; a different final status is 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "200", description = "The finished trace with its totals")
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such trace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already finished differently", content = @Content(mediaType = PROBLEM))
    public Response finish(@PathParam("id") String id, InputStream body) {
        return Response.ok(TraceJson.trace(ingest.finish(scope(), TraceJson.traceId(id), bodies.finish(body, contentLength)))
                .build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private TokenScope scope() {
        return tokens.authenticate(Bearer.token(authorization));
    }
}
