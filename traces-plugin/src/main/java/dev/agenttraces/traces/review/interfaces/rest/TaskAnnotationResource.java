package dev.agenttraces.traces.review.interfaces.rest;

import dev.agenttraces.traces.api.Problem;
import dev.agenttraces.traces.review.application.Annotations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A task's annotated steps as feedback text: the read the host makes, with its service token, when a reviewer
 * rejects the task (the contract's {@code HostContract.TASK_ANNOTATIONS_PATH}).
 */
@Path("v1")
@RequestScoped
@Tag(name = "read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TaskAnnotationResource {

    @Inject
    Annotations annotations;

    @GET
    @Path("tasks/{id}/annotations")
    @Operation(summary = "A task's annotated steps as feedback",
            description = "{taskId, feedback, annotations}: the annotated steps of all the task's traces, newest trace"
                    + " first, and the feedback text the host adds to a rejection. Needs a host token.")
    @APIResponse(responseCode = "200", description = "The feedback")
    @APIResponse(responseCode = "404", description = "No such task, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String ofTask(@PathParam("id") long taskId) {
        Annotations.TaskFeedback f = annotations.feedback(taskId);
        return Json.createObjectBuilder().add("taskId", taskId).add("feedback", f.text())
                .add("annotations", AnnotationJson.array(f.annotations())).build().toString();
    }
}
