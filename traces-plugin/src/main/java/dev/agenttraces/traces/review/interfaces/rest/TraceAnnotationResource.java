package dev.agenttraces.traces.review.interfaces.rest;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.api.Bearer;
import dev.agenttraces.traces.api.Problem;
import dev.agenttraces.traces.ingest.application.IngestTokens;
import dev.agenttraces.traces.review.application.Annotations;
import dev.agenttraces.traces.trace.interfaces.rest.TraceJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A trace's annotations, read back with a host token (board membership applies) or with the ingest token of the
 * trace's agent, so an agent can learn from its review. Its path shares {@code v1/traces} with the export.
 */
@Path("v1/traces")
@RequestScoped
@Tag(name = "read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TraceAnnotationResource {

    @Inject
    Annotations annotations;
    @Inject
    ViewerAccess access;
    @Inject
    IngestTokens tokens;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @GET
    @Path("{id}/annotations")
    @Operation(summary = "A trace's annotations",
            description = "Reviewers' notes on steps: [{id, traceId, seq, step, label, note, author, createdAt}], in step"
                    + " order. Needs a host token (board membership applies) or the ingest token of the trace's agent.")
    @APIResponse(responseCode = "200", description = "The annotations")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such trace, or not readable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String ofTrace(@PathParam("id") String id) {
        java.util.UUID trace = TraceJson.traceId(id);
        if (access.isSignedIn()) {
            return AnnotationJson.array(annotations.ofApiTrace(trace)).toString();
        }
        return AnnotationJson.array(annotations.forAgent(tokens.authenticate(Bearer.token(authorization)), trace)).toString();
    }
}
