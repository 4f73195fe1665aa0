package dev.agenttraces.taskboard.host.dispatch.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Keeps the demo agent API demo-only: it answers 404 unless the demo data is on
 * ({@code taskboard.demo-data.enabled=true}) and a token is configured ({@code taskboard.demo-agents.token}),
 * and 401 unless the request carries that token as a Bearer. The path is open in web.xml (no login
 * session), so this filter is its whole access control.
 */
@Provider
@ApplicationScoped
public class DemoAgentAccess implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "taskboard.demo-data.enabled", defaultValue = "false")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "taskboard.demo-agents.token")
    Optional<String> token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!demoData || token.isEmpty() || token.get().isBlank()) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"taskboard-demo\"").build());
        }
    }
}
