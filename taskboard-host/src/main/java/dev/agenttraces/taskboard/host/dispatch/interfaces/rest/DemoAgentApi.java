package dev.agenttraces.taskboard.host.dispatch.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The host's only JSON API: the demo's agent-work endpoints under {@code /api/demo}. Listing the classes
 * keeps any future resource out of it unless it is added here on purpose.
 */
@ApplicationPath("api/demo")
public class DemoAgentApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DemoAgentResource.class, DemoAgentAccess.class);
    }
}
