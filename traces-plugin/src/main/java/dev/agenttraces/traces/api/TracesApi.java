package dev.agenttraces.traces.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The plugin's JSON API, under {@code /traces/api}. Versioned in the path ({@code v1}) so agents in
 * the field keep working when the API grows. The OpenAPI document is served at {@code /openapi}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Agent Traces API", version = "1",
                description = "Ingest traces of AI agents' work (Bearer ingest token) and read them back"
                        + " (Bearer host token; board membership applies). Errors are application/problem+json."),
        tags = {@Tag(name = "ingest", description = "Write traces and steps"),
                @Tag(name = "read", description = "Read traces, spend and top tasks")})
public class TracesApi extends Application {
}
