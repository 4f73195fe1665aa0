package dev.agenttraces.traces.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), extended with the request field it
 * concerns (e.g. {@code steps[3].inputTokens}) so a client can fix its input without guessing.
 */
public record Problem(String slug, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://agent-traces.dev/problems/";

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsonp.BUILDERS.createObjectBuilder()
                .add("type", TYPE_BASE + slug)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (field != null) {
            json.add("field", field);
        }
        return json.build();
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(toJson().toString());
        if (status == 413) {
            // The rest of the oversize body is never read: close the connection instead of draining it.
            response.header("Connection", "close");
        }
        return response.build();
    }
}
