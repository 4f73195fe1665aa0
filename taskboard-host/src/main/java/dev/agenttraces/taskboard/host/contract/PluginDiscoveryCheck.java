package dev.agenttraces.taskboard.host.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every configured plugin has answered (or, after a grace period, given up on; see
 * {@link PluginReadiness}); the data says which plugin is in which state. Reads the published states, never
 * the registry EJB, so it is safe while the server is still deploying.
 */
@Readiness
@ApplicationScoped
public class PluginDiscoveryCheck implements HealthCheck {

    @Inject
    PluginReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("taskboard-plugins").status(readiness.isReady());
        readiness.states().forEach(s -> builder.withData(s.serverUrl(), s.status().name()));
        return builder.build();
    }
}
